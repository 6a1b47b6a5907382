//! Top bar: Berkas, Edit, language, theme, and the unsaved-changes marker.

use egui::RichText;

use crate::i18n::Lang;

use super::app::{AppState, EXAMPLES, ThemeChoice};
use super::command::Command;
use super::document::Document;

pub fn ui(ui: &mut egui::Ui, state: &AppState, doc: &Document, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    egui::Panel::top("menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(lang.tr("ui.menu.file"), |ui| {
                file_menu_ui(ui, state, lang, &mut commands);
            });
            ui.menu_button(lang.tr("ui.menu.edit"), |ui| {
                let undo = egui::Button::new(lang.tr("ui.menu.undo")).shortcut_text("Ctrl+Z");
                if ui.add_enabled(doc.can_undo(), undo).clicked() {
                    commands.push(Command::Undo);
                }
                let redo = egui::Button::new(lang.tr("ui.menu.redo")).shortcut_text("Ctrl+Shift+Z");
                if ui.add_enabled(doc.can_redo(), redo).clicked() {
                    commands.push(Command::Redo);
                }
            });
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

fn file_menu_ui(ui: &mut egui::Ui, state: &AppState, lang: Lang, commands: &mut Vec<Command>) {
    let items = [
        ("ui.menu.new", "Ctrl+N", Command::New),
        ("ui.menu.open", "Ctrl+O", Command::OpenDialog),
        ("ui.menu.save", "Ctrl+S", Command::Save),
        ("ui.menu.save_as", "Ctrl+Shift+S", Command::SaveAsDialog),
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
