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
    /// Opens a scenario file in a new tab (or brings its tab to the front when it is open
    /// already). On failure the tabs stay as they are and a dialog lists every problem with
    /// its location. Returns whether the file is open.
    pub fn open_path(&mut self, path: &Path) -> bool {
        self.open_paths(std::slice::from_ref(&path.to_owned()))
    }

    /// Opens each file in a tab; the problems of every file that cannot be opened are listed
    /// in one dialog. Returns whether all of them are open.
    pub fn open_paths(&mut self, paths: &[PathBuf]) -> bool {
        let lang = self.state.lang;
        let mut failed: Vec<String> = Vec::new();
        let mut problems: Vec<String> = Vec::new();
        for path in paths {
            let path = scenario::file::absolute(path);
            if let Some(id) = self.work.find_file(&path) {
                self.work.activate(id);
                self.remember(&path);
                continue;
            }
            match scenario::load(&path) {
                Ok(loaded) => {
                    self.work
                        .add(Document::from_loaded(loaded, Some(path.clone()), true));
                    self.remember(&path);
                }
                Err(found) => {
                    let file = path.display().to_string();
                    problems.extend(found.iter().map(|p| p.render(&file, lang)));
                    failed.push(file);
                }
            }
        }
        if failed.is_empty() {
            return true;
        }
        self.dialog = Some(Dialog::LoadFailed {
            file: failed.join(", "),
            problems,
        });
        false
    }

    /// Says that `path` could not be read, with every problem and its place in the file.
    fn load_failed(&mut self, path: &Path, problems: &[scenario::Problem]) {
        let file = path.display().to_string();
        let lang = self.state.lang;
        self.dialog = Some(Dialog::LoadFailed {
            problems: problems.iter().map(|p| p.render(&file, lang)).collect(),
            file,
        });
    }

    /// Reads the active tab's file again, dropping the changes on screen.
    pub(super) fn reload(&mut self) {
        let Some(path) = self.document().path.clone() else {
            return;
        };
        match scenario::load(&path) {
            Ok(loaded) => {
                let tab = self.work.active_mut();
                tab.doc = Document::from_loaded(loaded, Some(path), true);
                tab.asked_about = None;
            }
            Err(problems) => self.load_failed(&path, &problems),
        }
    }

    /// Opens the active tab's file as it is on disk in a tab of its own (no file: saving it
    /// asks where), the baseline of a comparison with the changes on screen.
    pub(super) fn compare_with_disk(&mut self) {
        let Some(path) = self.document().path.clone() else {
            return;
        };
        let mine = self.work.active_id();
        match scenario::load(&path) {
            Ok(loaded) => {
                let name = self.document().display_name().unwrap_or_default();
                let disk = self.work.add(Document::from_loaded(loaded, None, true));
                if let Some(tab) = self.work.get_mut(disk) {
                    tab.label = Some(
                        self.state
                            .lang
                            .tr_args("ui.tabs.on_disk", &[("file", name)]),
                    );
                }
                self.work.set_baseline(disk);
                self.work.activate(mine);
                self.comparing = true;
            }
            Err(problems) => self.load_failed(&path, &problems),
        }
    }

    /// Saves the active tab's scenario to `path` (atomically). On failure a dialog says why.
    /// Returns whether it was saved.
    pub fn save_to(&mut self, path: &Path) -> bool {
        let path = scenario::file::absolute(path);
        let doc = &mut self.work.active_mut().doc;
        match scenario::save(&path, &doc.scenario) {
            Ok(stamp) => {
                doc.mark_saved(&path, stamp);
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
        let doc = self.document();
        let (comments, changed) = (doc.comments, doc.changed_on_disk());
        match doc.path.clone() {
            // The file's comments are not part of the scenario: ask before dropping them.
            Some(_) if comments > 0 => {
                self.dialog = Some(Dialog::DropComments {
                    count: comments,
                    then,
                });
            }
            // Someone else changed the file since: ask before overwriting their work.
            Some(path) if changed => {
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

    /// When the window gets the focus back (or at start), asks what to do about the first
    /// tab whose file was changed on disk meanwhile (once for each change), in front.
    pub(super) fn check_disk(&mut self) {
        if self.dialog.is_some() || self.launch.is_automated() {
            return;
        }
        let changed = self.work.tabs_mut().iter_mut().find_map(|tab| {
            let path = tab.doc.path.clone()?;
            let now = scenario::file::Stamp::of_file(&path);
            let ask = tab.doc.changed_on_disk() && tab.asked_about != Some(now);
            ask.then(|| {
                tab.asked_about = Some(now);
                (tab.id, path)
            })
        });
        if let Some((id, path)) = changed {
            self.work.activate(id);
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
            .document()
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
        let Some(path) = self.document().path.as_ref().or(self.state.recent.first()) else {
            // Nothing opened yet: where the installed examples are.
            return super::super::file_dialog::first_folder();
        };
        let folder = path.parent().filter(|f| !f.as_os_str().is_empty())?;
        Some(std::path::absolute(folder).unwrap_or_else(|_| folder.to_owned()))
    }

    /// Opens the files chosen in a file dialog, each in a tab, or saves to the one chosen.
    pub(super) fn chosen(&mut self, ctx: &egui::Context, chosen: Chosen) {
        match chosen.purpose {
            Purpose::Open => {
                self.open_paths(&chosen.paths);
            }
            Purpose::Export(kind) => {
                if let Some(path) = chosen.paths.first() {
                    self.export(ctx, kind, Some(path.clone()));
                }
            }
            Purpose::SaveAs(then) => {
                let Some(path) = chosen.paths.first() else {
                    return;
                };
                let doc = self.document();
                let comments = doc.comments;
                let over_commented_file = comments > 0
                    && doc
                        .path
                        .as_deref()
                        .is_some_and(|p| scenario::file::same_file(p, path));
                if over_commented_file {
                    self.dialog = Some(Dialog::DropComments {
                        count: comments,
                        then,
                    });
                } else {
                    self.save_to_then(ctx, path, then);
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

    /// Keeps a recovery copy of each tab with unsaved changes a few seconds after an edit (a
    /// frame is asked for then), and removes a tab's copy once nothing in it is unsaved.
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
                for tab in self.work.tabs() {
                    settings::keep_for_recovery(&folder, tab.id, &tab.doc);
                }
                self.recovery_due = None;
            }
            Some(due) => ctx.request_repaint_after_secs((due - now) as f32),
            None => {}
        }
    }
}
