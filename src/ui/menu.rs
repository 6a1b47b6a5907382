//! Top bar: Berkas, Edit, Ekspor, language, theme, and the unsaved-changes marker.

use egui::RichText;

use crate::i18n::Lang;

use super::app::{AppState, EXAMPLES, ThemeChoice};
use super::chart_export::ChartKind;
use super::command::Command;
use super::export::ExportKind;
use super::workspace::Tab;
use crate::report::Dialect;

/// The menu bar; Edit and Save act on the tab in front (`active`).
pub fn ui(ui: &mut egui::Ui, state: &AppState, active: &Tab, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    let (id, doc) = (active.id, &active.doc);
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(lang.tr("ui.menu.file"), |ui| {
                file_menu_ui(ui, state, active, lang, &mut commands);
            });
            ui.menu_button(lang.tr("ui.menu.edit"), |ui| {
                let undo = egui::Button::new(lang.tr("ui.menu.undo")).shortcut_text("Ctrl+Z");
                if ui.add_enabled(doc.can_undo(), undo).clicked() {
                    commands.push(Command::Undo(id));
                }
                let redo = egui::Button::new(lang.tr("ui.menu.redo")).shortcut_text("Ctrl+Shift+Z");
                if ui.add_enabled(doc.can_redo(), redo).clicked() {
                    commands.push(Command::Redo(id));
                }
            });
            ui.menu_button(lang.tr("ui.menu.export"), |ui| {
                export_menu_ui(ui, state, lang, &mut commands);
            });
            if ui
                .button(lang.tr("ui.menu.present"))
                .on_hover_text(lang.tr("ui.menu.present_help"))
                .clicked()
            {
                commands.push(Command::Present);
            }
            ui.menu_button(lang.tr("ui.menu.help"), |ui| {
                if ui.button(lang.tr("ui.menu.about")).clicked() {
                    commands.push(Command::ShowAbout);
                }
            });
            ui.separator();
            for option in Lang::ALL {
                let text = option.code().to_uppercase();
                if ui
                    .selectable_label(lang == option, text)
                    .on_hover_text(lang.tr("ui.menu.language"))
                    .clicked()
                    && lang != option
                {
                    commands.push(Command::SetLang(option));
                }
            }
            ui.separator();
            for (option, key) in [
                (ThemeChoice::Light, "ui.menu.theme_light"),
                (ThemeChoice::Dark, "ui.menu.theme_dark"),
            ] {
                if ui
                    .selectable_label(state.theme == option, lang.tr(key))
                    .clicked()
                    && state.theme != option
                {
                    commands.push(Command::SetTheme(option));
                }
            }
            ui.separator();
            let name = doc.display_name().unwrap_or_else(|| lang.tr("ui.untitled"));
            ui.label(RichText::new(name).strong());
            if doc.is_dirty() {
                ui.label(RichText::new(lang.tr("ui.unsaved")).color(ui.visuals().warn_fg_color))
                    .on_hover_text(lang.tr("ui.unsaved_help"));
            }
        });
    });
    commands
}

fn file_menu_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    active: &Tab,
    lang: Lang,
    commands: &mut Vec<Command>,
) {
    let items = [
        ("ui.menu.new", "Ctrl+N", Command::New),
        ("ui.menu.open", "Ctrl+O", Command::OpenDialog),
        ("ui.menu.save", "Ctrl+S", Command::Save(active.id)),
        (
            "ui.menu.save_as",
            "Ctrl+Shift+S",
            Command::SaveAsDialog(active.id),
        ),
        ("ui.menu.close", "Ctrl+W", Command::CloseTab(active.id)),
    ];
    for (key, shortcut, command) in items {
        if ui
            .add(egui::Button::new(lang.tr(key)).shortcut_text(shortcut))
            .clicked()
        {
            commands.push(command);
        }
    }
    ui.separator();
    ui.menu_button(lang.tr("ui.menu.recent"), |ui| {
        if state.recent.is_empty() {
            ui.weak(lang.tr("ui.menu.recent_none"));
        }
        for path in &state.recent {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            if ui
                .button(name)
                .on_hover_text(path.display().to_string())
                .clicked()
            {
                commands.push(Command::Open(path.clone()));
            }
        }
    });
    ui.menu_button(lang.tr("ui.menu.examples"), |ui| {
        // Each example by its title (what it is about), its file name on hover.
        for (index, (name, text)) in EXAMPLES.iter().enumerate() {
            let title = crate::scenario::parse(text)
                .ok()
                .map(|loaded| loaded.plan.meta.title)
                .filter(|title| !title.trim().is_empty())
                .unwrap_or_else(|| (*name).to_owned());
            if ui.button(title).on_hover_text(*name).clicked() {
                commands.push(Command::OpenExample(index));
            }
        }
    });
    ui.separator();
    if ui.button(lang.tr("ui.menu.quit")).clicked() {
        commands.push(Command::Quit);
    }
}

/// Ekspor: the handout, the workbook, the CSV in both dialects, and each chart as PNG (at the
/// size and scale set here) or on the clipboard.
fn export_menu_ui(ui: &mut egui::Ui, state: &AppState, lang: Lang, commands: &mut Vec<Command>) {
    for kind in [
        ExportKind::Pdf,
        ExportKind::Xlsx,
        ExportKind::Csv(Dialect::Indonesia),
        ExportKind::Csv(Dialect::Standard),
    ] {
        let key = match kind {
            ExportKind::Pdf => "ui.export.pdf",
            ExportKind::Xlsx => "ui.export.xlsx",
            ExportKind::Csv(Dialect::Indonesia) => "ui.export.csv_id",
            _ => "ui.export.csv",
        };
        if ui.button(lang.tr(key)).clicked() {
            commands.push(Command::Export(kind));
        }
    }
    ui.separator();
    ui.label(RichText::new(lang.tr("ui.export.charts")).weak());
    let mut size = state.image_size;
    ui.horizontal(|ui| {
        ui.label(lang.tr("ui.export.image_size"));
        ui.add(
            egui::DragValue::new(&mut size.width)
                .range(16..=8192)
                .suffix(" px"),
        );
        ui.label("×");
        ui.add(
            egui::DragValue::new(&mut size.height)
                .range(16..=8192)
                .suffix(" px"),
        );
    });
    ui.horizontal(|ui| {
        ui.label(lang.tr("ui.export.image_scale"));
        ui.add(
            egui::DragValue::new(&mut size.scale)
                .range(0.5..=4.0)
                .speed(0.1)
                .max_decimals(1),
        );
    });
    if size != state.image_size {
        commands.push(Command::SetImageSize(size));
    }
    for chart in ChartKind::ALL {
        let name = chart.title(lang);
        if ui
            .button(lang.tr_args("ui.export.png", &[("chart", name.clone())]))
            .clicked()
        {
            commands.push(Command::Export(ExportKind::Png(chart)));
        }
        if ui
            .button(lang.tr_args("ui.export.copy_chart_kind", &[("chart", name)]))
            .on_hover_text(lang.tr("ui.export.copy_chart"))
            .clicked()
        {
            commands.push(Command::CopyChart(chart));
        }
    }
}
