//! Modal dialogs: "Simpan perubahan?", a file that failed to load or save, comments that
//! saving would drop, and About.

use crate::i18n::Lang;

use super::settings::Recovery;

use super::command::Guarded;
use super::wilayah;
use super::workspace::DocId;
use crate::model::plan::Plan;

#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// Unsaved changes of the active tab (named) would be lost by this action.
    Unsaved {
        action: Guarded,
        name: String,
    },
    /// Every problem of a file that could not be opened, with its location.
    LoadFailed {
        file: String,
        problems: Vec<String>,
    },
    SaveFailed(String),
    /// The file changed on disk since it was opened or saved: reload it, keep these changes
    /// (save them as another file), or, when saving, overwrite it anyway.
    ChangedOnDisk {
        file: String,
        /// Asked on saving (then "Timpa" saves over it and goes on with `then`).
        saving: bool,
        then: Option<Guarded>,
    },
    /// The settings file could not be read; it was kept aside under this name.
    SettingsBroken(String),
    /// Unsaved work left by a run that ended without saving: restore it, restore and save it
    /// as a file, or discard it.
    Recover {
        file: std::path::PathBuf,
        recovery: Recovery,
    },
    /// Saving over the file would drop its comments: save anyway, save as, or not.
    DropComments {
        count: usize,
        then: Option<Guarded>,
    },
    /// Presenting changed these scenarios (what they were before): keep the change or not.
    KeepWhatIf(Vec<(DocId, Plan)>),
    About,
}

/// What the user chose.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    /// Save, then go on with the action.
    Save(Guarded),
    /// Go on without saving.
    Discard(Guarded),
    /// Save over the file without its comments, then go on with the action (if any).
    SaveDroppingComments(Option<Guarded>),
    /// Ask for another file to save to, then go on with the action (if any).
    SaveAs(Option<Guarded>),
    /// Read the file again from disk, dropping the changes on screen.
    Reload,
    /// Open the file as it is on disk in a tab beside the changes on screen, and compare them.
    CompareWithDisk,
    /// Open the recovered work (then ask where to save it, with `save_as`); its copy goes.
    Recover {
        file: std::path::PathBuf,
        recovery: Recovery,
        save_as: bool,
    },
    /// Delete a recovery copy.
    DropRecovery(std::path::PathBuf),
    /// Save over the file although it changed on disk, then go on with the action (if any).
    Overwrite(Option<Guarded>),
    /// Put the scenarios back as they were before presenting.
    Restore(Vec<(DocId, Plan)>),
    /// Close the dialog (Batal, OK).
    Close,
}

pub fn ui(ctx: &egui::Context, dialog: &Dialog, lang: Lang) -> Option<Answer> {
    let mut answer = None;
    let modal = egui::Modal::new(egui::Id::unique("lindung_dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match dialog {
            Dialog::Unsaved { action, name } => {
                ui.heading(lang.tr("ui.dialog.unsaved_title"));
                ui.label(lang.tr_args("ui.dialog.unsaved_body", &[("name", name.clone())]));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(lang.tr("ui.dialog.save")).clicked() {
                        answer = Some(Answer::Save(action.clone()));
                    }
                    if ui.button(lang.tr("ui.dialog.discard")).clicked() {
                        answer = Some(Answer::Discard(action.clone()));
                    }
                    if ui.button(lang.tr("ui.dialog.cancel")).clicked() {
                        answer = Some(Answer::Close);
                    }
                });
            }
            Dialog::LoadFailed { file, problems } => {
                ui.heading(lang.tr("ui.dialog.load_failed_title"));
                ui.label(lang.tr_args("ui.dialog.load_failed_body", &[("file", file.clone())]));
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        for problem in problems {
                            ui.colored_label(ui.visuals().error_fg_color, problem);
                        }
                    });
                ui.label(lang.tr("ui.dialog.load_failed_kept"));
                if ui.button(lang.tr("ui.dialog.ok")).clicked() {
                    answer = Some(Answer::Close);
                }
            }
            Dialog::SaveFailed(message) => {
                ui.heading(lang.tr("ui.dialog.save_failed_title"));
                ui.colored_label(ui.visuals().error_fg_color, message);
                if ui.button(lang.tr("ui.dialog.ok")).clicked() {
                    answer = Some(Answer::Close);
                }
            }
            Dialog::ChangedOnDisk { file, saving, then } => {
                ui.heading(lang.tr("ui.dialog.changed_title"));
                ui.label(lang.tr_args("ui.dialog.changed_body", &[("file", file.clone())]));
                ui.add_space(8.0);
                ui.horizontal_wrapped(|ui| {
                    if ui.button(lang.tr("ui.dialog.reload")).clicked() {
                        answer = Some(Answer::Reload);
                    }
                    if ui.button(lang.tr("ui.dialog.keep_mine")).clicked() {
                        answer = Some(Answer::SaveAs(then.clone()));
                    }
                    if ui
                        .button(lang.tr("ui.dialog.compare_disk"))
                        .on_hover_text(lang.tr("ui.dialog.compare_disk_help"))
                        .clicked()
                    {
                        answer = Some(Answer::CompareWithDisk);
                    }
                    if *saving && ui.button(lang.tr("ui.dialog.overwrite")).clicked() {
                        answer = Some(Answer::Overwrite(then.clone()));
                    }
                    if ui.button(lang.tr("ui.dialog.cancel")).clicked() {
                        answer = Some(Answer::Close);
                    }
                });
            }
            Dialog::SettingsBroken(backup) => {
                ui.heading(lang.tr("ui.dialog.settings_title"));
                ui.label(lang.tr_args("ui.dialog.settings_body", &[("file", backup.clone())]));
                if ui.button(lang.tr("ui.dialog.ok")).clicked() {
                    answer = Some(Answer::Close);
                }
            }
            Dialog::Recover { file, recovery } => {
                ui.heading(lang.tr("ui.dialog.recover_title"));
                let belongs = recovery
                    .path
                    .as_ref()
                    .map_or_else(|| lang.tr("ui.untitled"), |path| path.display().to_string());
                ui.label(lang.tr_args("ui.dialog.recover_body", &[("file", belongs)]));
                ui.add_space(8.0);
                ui.horizontal_wrapped(|ui| {
                    let recover = |save_as| Answer::Recover {
                        file: file.clone(),
                        recovery: recovery.clone(),
                        save_as,
                    };
                    if ui.button(lang.tr("ui.dialog.recover")).clicked() {
                        answer = Some(recover(false));
                    }
                    if ui.button(lang.tr("ui.dialog.recover_save_as")).clicked() {
                        answer = Some(recover(true));
                    }
                    if ui.button(lang.tr("ui.dialog.recover_discard")).clicked() {
                        answer = Some(Answer::DropRecovery(file.clone()));
                    }
                });
            }
            Dialog::DropComments { count, then } => {
                ui.heading(lang.tr("ui.dialog.comments_title"));
                ui.label(lang.tr_args("ui.dialog.comments_body", &[("count", count.to_string())]));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(lang.tr("ui.dialog.save_as")).clicked() {
                        answer = Some(Answer::SaveAs(then.clone()));
                    }
                    if ui.button(lang.tr("ui.dialog.drop_comments")).clicked() {
                        answer = Some(Answer::SaveDroppingComments(then.clone()));
                    }
                    if ui.button(lang.tr("ui.dialog.cancel")).clicked() {
                        answer = Some(Answer::Close);
                    }
                });
            }
            Dialog::KeepWhatIf(before) => {
                ui.heading(lang.tr("ui.dialog.whatif_title"));
                ui.label(lang.tr("ui.dialog.whatif_body"));
                ui.add_space(8.0);
                ui.horizontal_wrapped(|ui| {
                    if ui.button(lang.tr("ui.dialog.whatif_keep")).clicked() {
                        answer = Some(Answer::Close);
                    }
                    if ui.button(lang.tr("ui.dialog.whatif_restore")).clicked() {
                        answer = Some(Answer::Restore(before.clone()));
                    }
                });
            }
            Dialog::About => {
                ui.heading("Lindung");
                ui.label(lang.tr("ui.about.body"));
                ui.label(lang.tr_args(
                    "ui.about.wilayah",
                    &[("credit", wilayah::CREDIT.to_owned())],
                ));
                ui.label(format!(
                    "{} {}",
                    lang.tr("ui.about.version"),
                    env!("CARGO_PKG_VERSION")
                ));
                if ui.button(lang.tr("ui.dialog.ok")).clicked() {
                    answer = Some(Answer::Close);
                }
            }
        }
    });
    if answer.is_none() && modal.should_close() {
        // Escape or a click outside the dialog: Batal / OK.
        answer = Some(Answer::Close);
    }
    answer
}
