//! The strip of open scenarios under the menu: a tab per scenario (its title, a dot while it
//! has unsaved changes, "pembanding" on the baseline, × to close; right-click to make it the
//! baseline), and the switch between this scenario's results and the comparison of all.

use egui::RichText;

use crate::i18n::Lang;

use super::command::Command;
use super::workspace::Workspace;

pub fn ui(ui: &mut egui::Ui, work: &Workspace, comparing: bool, lang: Lang) -> Vec<Command> {
    let mut commands = Vec::new();
    let untitled = lang.tr("ui.untitled");
    egui::Panel::top("tabs").show(ui, |ui| {
        ui.horizontal(|ui| {
            let compare = ui
                .selectable_label(
                    comparing,
                    RichText::new(lang.tr("ui.compare.view")).strong(),
                )
                .on_hover_text(lang.tr("ui.compare.view_help"));
            if compare.clicked() {
                commands.push(Command::ShowComparison(!comparing));
            }
            ui.separator();
            egui::ScrollArea::horizontal()
                .id_salt("tab_strip")
                .show(ui, |ui| {
                    ui.horizontal(|ui| {
                        for tab in work.tabs() {
                            let active = tab.id == work.active_id();
                            let baseline = tab.id == work.baseline_id() && work.count() > 1;
                            let dirty = tab.doc.is_dirty();
                            let mut text = tab.title(&untitled);
                            if dirty {
                                text.push_str(" •");
                            }
                            let mut label = RichText::new(text);
                            if active {
                                label = label.strong();
                            }
                            // The tooltip's text is put together only while it shows.
                            let hover = || {
                                let mut hover =
                                    tab.doc.display_name().unwrap_or_else(|| untitled.clone());
                                if dirty {
                                    hover = format!("{hover} ({})", lang.tr("ui.tabs.unsaved"));
                                }
                                if let Some(version) = &tab.doc.saved_with {
                                    let saved_with = lang.tr_args(
                                        "ui.tabs.saved_with",
                                        &[("version", version.clone())],
                                    );
                                    hover = format!("{hover}\n{saved_with}");
                                }
                                hover
                            };
                            // The tab's scenario goes into the editor; the comparison, if shown,
                            // stays, so an edit shows in it at once.
                            let response = ui.selectable_label(active, label).on_hover_ui(|ui| {
                                ui.label(hover());
                            });
                            if response.clicked() {
                                commands.push(Command::Activate(tab.id));
                            }
                            response.context_menu(|ui| {
                                if ui
                                    .button(lang.tr("ui.compare.make_baseline"))
                                    .on_hover_text(lang.tr("ui.compare.make_baseline_help"))
                                    .clicked()
                                {
                                    commands.push(Command::SetBaseline(tab.id));
                                }
                                if ui.button(lang.tr("ui.menu.close")).clicked() {
                                    commands.push(Command::CloseTab(tab.id));
                                }
                            });
                            if baseline {
                                ui.label(
                                    RichText::new(lang.tr("ui.compare.baseline_mark"))
                                        .small()
                                        .weak(),
                                );
                            }
                            let close =
                                ui.small_button("×").on_hover_text(lang.tr("ui.tabs.close"));
                            if close.clicked() {
                                commands.push(Command::CloseTab(tab.id));
                            }
                            ui.separator();
                        }
                    });
                });
        });
    });
    commands
}
