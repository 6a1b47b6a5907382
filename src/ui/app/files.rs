//! Opening and saving files: the file dialogs' answers, saving over a file that changed on
//! disk or has comments (asked first), the recent files, and the recovery copy of unsaved work.

use std::path::{Path, PathBuf};

use crate::scenario;

use super::super::command::Guarded;
use super::super::dialogs::Dialog;
use super::super::document::Document;
use super::super::file_dialog::{Chosen, Purpose};
use super::super::settings;
use super::LindungApp;

impl LindungApp {
    /// Opens a scenario file. On failure the scenario on screen stays and a dialog lists
    /// every problem with its location. Returns whether the file was opened.
    pub fn open_path(&mut self, path: &Path) -> bool {
        let path = scenario::file::absolute(path);
        match scenario::load(&path) {
            Ok(loaded) => {
                self.set_document(Document::from_loaded(loaded, Some(path.clone()), true));
                self.remember(&path);
                true
            }
            Err(problems) => {
                let file = path.display().to_string();
                let lang = self.state.lang;
                self.dialog = Some(Dialog::LoadFailed {
                    problems: problems.iter().map(|p| p.render(&file, lang)).collect(),
                    file,
                });
                false
            }
        }
    }

    /// Saves the scenario to `path` (atomically). On failure a dialog says why. Returns
    /// whether it was saved.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let path = scenario::file::absolute(path);
        match scenario::save(&path, &self.doc.scenario) {
            Ok(stamp) => {
                self.doc.mark_saved(&path, stamp);
                self.remember(&path);
                // Saved: the recovery copy goes at once.
                self.recovery_due = Some(0.0);
                true
            }
            Err(problem) => {
                self.dialog = Some(Dialog::SaveFailed(
                    problem.render(&path.display().to_string(), self.state.lang),
                ));
                false
            }
        }
    }

    /// Saves to the current file, or asks for one; then goes on with `then` (the action that
    /// waited for the save), if it was saved.
    pub(super) fn save_then(&mut self, ctx: &egui::Context, then: Option<Guarded>) {
        match self.doc.path.clone() {
            // The file's comments are not part of the scenario: ask before dropping them.
            Some(_) if self.doc.comments > 0 => {
                self.dialog = Some(Dialog::DropComments {
                    count: self.doc.comments,
                    then,
                });
            }
            // Someone else changed the file since: ask before overwriting their work.
            Some(path) if self.doc.changed_on_disk() => {
                self.dialog = Some(Dialog::ChangedOnDisk {
                    file: path.display().to_string(),
                    saving: true,
                    then,
                });
            }
            Some(path) => self.save_to_then(ctx, &path, then),
            None => self.save_as_dialog(ctx, then),
        }
    }

    /// When the window gets the focus back (or at start), asks what to do if the file was
    /// changed on disk meanwhile (once for each change).
    pub(super) fn check_disk(&mut self) {
        if self.dialog.is_some() || self.launch.is_automated() {
            return;
        }
        let Some(path) = self.doc.path.clone() else {
            return;
        };
        let now = scenario::file::Stamp::of_file(&path);
        if self.doc.changed_on_disk() && self.asked_about != Some(now) {
            self.asked_about = Some(now);
            self.dialog = Some(Dialog::ChangedOnDisk {
                file: path.display().to_string(),
                saving: false,
                then: None,
            });
        }
    }

    pub(super) fn save_to_then(&mut self, ctx: &egui::Context, path: &Path, then: Option<Guarded>) {
        if self.save_to(path)
            && let Some(action) = then
        {
            self.perform(ctx, action);
        }
    }

    pub(super) fn save_as_dialog(&mut self, ctx: &egui::Context, then: Option<Guarded>) {
        let name = self
            .doc
            .display_name()
            .unwrap_or_else(|| "skenario.ron".to_owned());
        let folder = self.current_folder();
        if let Some(chosen) = self.files.ask(
            Purpose::SaveAs(then),
            self.state.lang,
            &name,
            folder.as_deref(),
        ) {
            self.chosen(ctx, chosen);
        }
    }

    /// The folder of the scenario's file, where a file dialog starts.
    pub(super) fn current_folder(&self) -> Option<PathBuf> {
        let path = self.doc.path.as_ref().or(self.state.recent.first())?;
        let folder = path.parent().filter(|f| !f.as_os_str().is_empty())?;
        Some(std::path::absolute(folder).unwrap_or_else(|_| folder.to_owned()))
    }

    /// Opens or saves the file chosen in a file dialog.
    pub(super) fn chosen(&mut self, ctx: &egui::Context, chosen: Chosen) {
        match chosen.purpose {
            Purpose::Open => {
                self.open_path(&chosen.path);
            }
            Purpose::SaveAs(then) => {
                let over_commented_file = self.doc.comments > 0
                    && self
                        .doc
                        .path
                        .as_deref()
                        .is_some_and(|p| scenario::file::same_file(p, &chosen.path));
                if over_commented_file {
                    self.dialog = Some(Dialog::DropComments {
                        count: self.doc.comments,
                        then,
                    });
                } else {
                    self.save_to_then(ctx, &chosen.path, then);
                }
            }
        }
    }

    pub(super) fn remember(&mut self, path: &Path) {
        let path = &scenario::file::absolute(path);
        let recent = &mut self.state.recent;
        recent.retain(|p| p != path);
        recent.insert(0, path.to_owned());
        recent.truncate(super::RECENT_FILES);
    }

    /// Keeps the recovery copy a few seconds after an edit (a frame is asked for then), or
    /// removes it once nothing is unsaved.
    pub(super) fn keep_for_recovery(&mut self, ctx: &egui::Context, edited: bool) {
        let Some(folder) = self.launch.data_folder.clone() else {
            return;
        };
        if self.launch.is_automated() {
            return;
        }
        let now = ctx.input(|i| i.time);
        if edited && self.recovery_due.is_none() {
            self.recovery_due = Some(now + settings::RECOVERY_DELAY.as_secs_f64());
        }
        match self.recovery_due {
            Some(due) if now >= due => {
                settings::keep_for_recovery(&folder, &self.doc);
                self.recovery_due = None;
            }
            Some(due) => ctx.request_repaint_after_secs((due - now) as f32),
            None => {}
        }
    }
}
