//! Applying what the menus, tabs, shortcuts and dialogs ask for: opening and closing tabs,
//! the questions before losing unsaved work, exports, presenting, recovery copies.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::model::defaults;

use super::super::command::{Command, Guarded};
use super::super::dialogs::{Answer, Dialog};
use super::super::document::Document;
use super::super::export::{self, ExportKind};
use super::super::file_dialog::Purpose;
use super::super::jobs::Outcome;
use super::super::presentation::Presentation;
use super::super::settings;
use super::super::workspace::DocId;
use super::{LindungApp, example_document};

impl LindungApp {
    /// Applies a command (what the menus, tabs, shortcuts and dialogs ask for).
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => {
                let year = self.document().scenario.horizon.first_year;
                self.work
                    .add(Document::new(defaults::new_plan(year), None, true));
            }
            Command::OpenDialog => {
                let folder = self.current_folder();
                if let Some(chosen) =
                    self.files
                        .ask(Purpose::Open, self.state.lang, "", folder.as_deref())
                {
                    self.chosen(ctx, chosen);
                }
            }
            Command::Open(path) => {
                self.open_path(&path);
            }
            Command::OpenAll(paths) => {
                self.open_paths(&paths);
            }
            Command::OpenExample(index) => {
                self.work.add(example_document(index));
            }
            Command::Save(id) => {
                self.work.activate(id);
                self.save_then(ctx, None);
            }
            Command::SaveAsDialog(id) => {
                self.work.activate(id);
                self.save_as_dialog(ctx, None);
            }
            Command::Undo(id) => self.work.get_mut(id).into_iter().for_each(|t| t.doc.undo()),
            Command::Redo(id) => self.work.get_mut(id).into_iter().for_each(|t| t.doc.redo()),
            Command::Activate(id) => self.work.activate(id),
            Command::CloseTab(id) => match self.work.get(id) {
                Some(tab) if tab.doc.is_dirty() => {
                    self.work.activate(id);
                    self.ask_unsaved(Guarded::CloseTab(id));
                }
                Some(_) => self.close_tab(id),
                None => {}
            },
            Command::SetBaseline(id) => self.work.set_baseline(id),
            Command::ShowComparison(show) => self.comparing = show,
            Command::Export(kind) => {
                let name = export::proposed_name(&self.work, kind);
                let folder = self.current_folder();
                if let Some(chosen) = self.files.ask(
                    Purpose::Export(kind),
                    self.state.lang,
                    &name,
                    folder.as_deref(),
                ) {
                    self.chosen(ctx, chosen);
                }
            }
            Command::CopyChart(chart) => self.export(ctx, ExportKind::Png(chart), None),
            Command::SetImageSize(size) => self.state.image_size = size,
            Command::Present => {
                let date = crate::format::today(self.state.lang);
                self.presenting = Some(Presentation::start(&self.work, self.comparing, date));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
            Command::SetLang(lang) => self.state.lang = lang,
            Command::SetTheme(theme) => {
                self.state.theme = theme;
                ctx.set_theme(theme.theme());
            }
            Command::ShowAbout => self.dialog = Some(Dialog::About),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Starts an export of what is open, as Ekspor does once a file is chosen (to the
    /// clipboard without a path); the bar at the bottom tells how it went.
    pub fn export(&mut self, ctx: &egui::Context, kind: ExportKind, path: Option<PathBuf>) {
        let size = self.state.image_size;
        export::start(
            &mut self.jobs,
            ctx,
            &self.work,
            kind,
            path,
            size,
            self.state.lang,
        );
    }

    /// Tells how each finished export went; an image goes on the clipboard.
    pub(super) fn finished_jobs(&mut self, ctx: &egui::Context, lang: Lang) {
        for (title, outcome) in self.jobs.poll(lang) {
            let (text, failed) = match outcome {
                Outcome::Written(path) => (
                    lang.tr_args("ui.export.written", &[("path", path.display().to_string())]),
                    false,
                ),
                Outcome::Image(image) => {
                    ctx.copy_image(image);
                    (lang.tr("ui.export.copied"), false)
                }
                Outcome::Cancelled => (lang.tr("ui.export.cancelled"), false),
                Outcome::Failed(message) => (message, true),
            };
            self.jobs.tell(title, text, failed);
        }
    }

    /// Asks whether to save the active tab's changes before `action`.
    pub(super) fn ask_unsaved(&mut self, action: Guarded) {
        let name = self.work.active().title(&self.state.lang.tr("ui.untitled"));
        self.dialog = Some(Dialog::Unsaved { action, name });
    }

    /// Goes on with an action once the active tab's changes are saved or discarded.
    pub(super) fn perform(&mut self, ctx: &egui::Context, action: Guarded) {
        match action {
            Guarded::CloseTab(id) => self.close_tab(id),
            // Each tab with unsaved changes is asked about in turn, then the window closes.
            Guarded::Close => match self.work.first_dirty() {
                Some(id) => {
                    self.work.activate(id);
                    self.ask_unsaved(Guarded::Close);
                }
                None => {
                    self.closing = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            },
        }
    }

    /// Closes tab `id`; closing the last one leaves the bundled example in its place.
    pub(super) fn close_tab(&mut self, id: DocId) {
        if self.work.count() == 1 {
            let example = self.work.add(example_document(0));
            if let Some(tab) = self.work.get_mut(example) {
                tab.placeholder = true;
            }
        }
        if self.work.close(id).is_some()
            && let Some(folder) = &self.launch.data_folder
        {
            settings::forget_recovery(folder, id);
        }
    }

    pub(super) fn shortcuts(&self, ctx: &egui::Context) -> Vec<Command> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let id = self.work.active_id();
        let shortcut = |modifiers, key, command| (KeyboardShortcut::new(modifiers, key), command);
        let shift_command = Modifiers::COMMAND | Modifiers::SHIFT;
        // More specific shortcuts first: Ctrl+Shift+Z before Ctrl+Z.
        let all = [
            shortcut(shift_command, Key::Z, Command::Redo(id)),
            shortcut(Modifiers::COMMAND, Key::Y, Command::Redo(id)),
            shortcut(Modifiers::COMMAND, Key::Z, Command::Undo(id)),
            shortcut(shift_command, Key::S, Command::SaveAsDialog(id)),
            shortcut(Modifiers::COMMAND, Key::S, Command::Save(id)),
            shortcut(Modifiers::COMMAND, Key::O, Command::OpenDialog),
            shortcut(Modifiers::COMMAND, Key::N, Command::New),
            shortcut(Modifiers::COMMAND, Key::W, Command::CloseTab(id)),
            shortcut(Modifiers::NONE, Key::F5, Command::Present),
        ];
        ctx.input_mut(|input| {
            all.into_iter()
                .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
                .map(|(_, command)| command)
                .collect()
        })
    }

    /// Files dropped on the window, opened together (one dialog for those that fail).
    pub(super) fn dropped_files(ctx: &egui::Context) -> Vec<Command> {
        let paths: Vec<PathBuf> = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        if paths.is_empty() {
            Vec::new()
        } else {
            vec![Command::OpenAll(paths)]
        }
    }

    /// While a file is dragged over the window, says that dropping it opens it.
    pub(super) fn drop_hint_ui(ctx: &egui::Context, lang: Lang) {
        if ctx.input(|input| input.raw.hovered_files.is_empty()) {
            return;
        }
        let screen = ctx.content_rect();
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop_hint"),
        ));
        painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            lang.tr("ui.drop_hint"),
            egui::FontId::proportional(24.0),
            egui::Color32::WHITE,
        );
    }

    /// Intercepts closing the window while any tab has unsaved changes.
    pub(super) fn guard_close(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested
            && !self.closing
            && self.work.first_dirty().is_some()
            && !self.launch.is_automated()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            if self.dialog.is_none() {
                self.perform(ctx, Guarded::Close);
            }
        }
    }

    pub(super) fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        self.dialog = None;
        match answer {
            Answer::Close => {}
            Answer::Recover {
                file,
                recovery,
                save_as,
            } => {
                if let Some(doc) = recovery.document() {
                    self.work.add(doc);
                }
                std::fs::remove_file(&file).ok();
                self.recovery_due = Some(0.0);
                if save_as {
                    self.save_as_dialog(ctx, None);
                } else {
                    self.offer_recovery();
                }
            }
            Answer::Restore(before) => {
                for (id, plan) in before {
                    if let Some(tab) = self.work.get_mut(id) {
                        tab.doc.scenario = plan;
                    }
                }
            }
            Answer::DropRecovery(file) => {
                std::fs::remove_file(&file).ok();
                self.offer_recovery();
            }
            Answer::Save(action) => self.save_then(ctx, Some(action)),
            Answer::SaveDroppingComments(then) => {
                if let Some(path) = self.document().path.clone() {
                    self.save_to_then(ctx, &path, then);
                }
            }
            Answer::SaveAs(then) => self.save_as_dialog(ctx, then),
            Answer::Reload => self.reload(),
            Answer::CompareWithDisk => self.compare_with_disk(),
            Answer::Overwrite(then) => {
                if let Some(path) = self.document().path.clone() {
                    self.save_to_then(ctx, &path, then);
                }
            }
            Answer::Discard(action) => {
                // Discard means discard: the next start shows the scenario as saved.
                self.document_mut().discard_changes();
                self.perform(ctx, action);
            }
        }
    }

    /// Unsaved work of a run that ended without saving (a crash, a power cut): offered, the
    /// newest first, one copy at a time.
    pub(super) fn offer_recovery(&mut self) {
        if self.dialog.is_some() || self.launch.is_automated() {
            return;
        }
        if let Some(folder) = &self.launch.data_folder
            && let Some((file, recovery)) = settings::left_behind(folder).pop()
        {
            self.dialog = Some(Dialog::Recover { file, recovery });
        }
    }
}
