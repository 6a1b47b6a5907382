//! The eframe app: the saved settings ([`AppState`]), the document being edited, the views,
//! and the handling of [`Command`]s after each frame.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::model::defaults;
use crate::scenario::{self, Location, Problem};

use super::command::{Command, Guarded};
use super::dialogs::{self, Answer, Dialog};
use super::document::Document;
use super::editor::{Editor, FieldProblems};
use super::file_dialog::{FileDialogs, Purpose};
use super::menu;
use super::panel;
use super::results::ResultsView;
use super::settings;
pub use super::state::{AppState, ThemeChoice};
use super::theme;

mod automation;
mod files;

/// The examples compiled into Lindung, so that it opens the same way from any folder.
pub const EXAMPLES: [(&str, &str); 3] = [
    (
        "palu-2026.ron",
        include_str!("../../../scenarios/palu-2026.ron"),
    ),
    (
        "sulteng-2026.ron",
        include_str!("../../../scenarios/sulteng-2026.ron"),
    ),
    (
        "sigi-anggaran-2026.ron",
        include_str!("../../../scenarios/sigi-anggaran-2026.ron"),
    ),
];

const RECENT_FILES: usize = 8;

/// How the app was started.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Launch {
    /// The file given on the command line.
    pub path: Option<PathBuf>,
    /// Close after the first frame (start-up time measurement).
    pub exit_after_first_frame: bool,
    /// Save a screenshot here after a few frames, then close.
    pub screenshot: Option<PathBuf>,
    /// Use Lindung's own file dialog, not the desktop's.
    pub own_file_dialog: bool,
    /// Where the settings and recovery copies are kept (none: kept nowhere, as in tests).
    pub data_folder: Option<PathBuf>,
}

impl Launch {
    fn is_automated(&self) -> bool {
        self.exit_after_first_frame || self.screenshot.is_some()
    }
}

pub struct LindungApp {
    /// What is serialized.
    state: AppState,
    doc: Document,
    editor: Editor,
    results: ResultsView,
    dialog: Option<Dialog>,
    files: FileDialogs,
    /// The file's stamp last asked about (a change on disk is asked about once).
    asked_about: Option<Option<scenario::file::Stamp>>,
    launch: Launch,
    frames: u64,
    /// The user agreed to close (changes saved or discarded).
    closing: bool,
    /// When the recovery copy is next due (seconds of `egui` time), after an edit.
    recovery_due: Option<f64>,
    title: String,
}

impl LindungApp {
    pub fn new(cc: &eframe::CreationContext<'_>, launch: Launch) -> Self {
        // Lindung's own settings file; before it existed, eframe's storage held them.
        let folder = launch.data_folder.clone();
        let (state, broken) = match &folder {
            Some(folder) if folder.join("settings.ron").exists() => settings::load(folder),
            _ => (
                cc.storage
                    .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
                    .unwrap_or_default(),
                None,
            ),
        };
        theme::install(&cc.egui_ctx, state.theme);
        let mut app = Self {
            doc: state
                .restored_document()
                .unwrap_or_else(|| example_document(0)),
            state,
            editor: Editor::default(),
            results: ResultsView::default(),
            dialog: None,
            files: FileDialogs::new(launch.own_file_dialog),
            asked_about: None,
            launch,
            frames: 0,
            closing: false,
            // The first frame keeps a copy of unsaved work restored from the last run.
            recovery_due: Some(0.0),
            title: String::new(),
        };
        if let Some(path) = app.launch.path.clone() {
            app.open_path(&path);
        }
        app.check_disk();
        if let Some(backup) = broken {
            app.dialog = Some(Dialog::SettingsBroken(backup));
        }
        // Unsaved work of a run that ended without saving (a crash, a power cut): offered.
        if let Some(folder) = &folder
            && !app.launch.is_automated()
            && let Some((file, recovery)) = settings::left_behind(folder).pop()
        {
            app.dialog = Some(Dialog::Recover { file, recovery });
        }
        app
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.doc
    }

    pub fn saved_state(&self) -> &AppState {
        &self.state
    }

    pub fn dialog(&self) -> Option<&Dialog> {
        self.dialog.as_ref()
    }

    /// The window title: the scenario's file or example name (with `*` when there are
    /// unsaved changes, as Windows programs mark them), then the scenario's own title.
    pub fn window_title(&self) -> String {
        let lang = self.state.lang;
        let name = self
            .doc
            .display_name()
            .unwrap_or_else(|| lang.tr("ui.untitled"));
        let marker = if self.doc.is_dirty() { "*" } else { "" };
        let title = self.doc.scenario.meta.title.trim();
        if title.is_empty() {
            format!("{name}{marker} — Lindung")
        } else {
            format!("{name}{marker} — {title} — Lindung")
        }
    }

    /// Applies a command (what the menus, shortcuts and dialogs ask for).
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.guard(ctx, Guarded::New),
            Command::OpenDialog => self.guard(ctx, Guarded::OpenDialog),
            Command::Open(path) => self.guard(ctx, Guarded::Open(path)),
            Command::OpenExample(index) => self.guard(ctx, Guarded::OpenExample(index)),
            Command::Save => self.save_then(ctx, None),
            Command::SaveAsDialog => self.save_as_dialog(ctx, None),
            Command::Undo => self.doc.undo(),
            Command::Redo => self.doc.redo(),
            Command::SetLang(lang) => self.state.lang = lang,
            Command::SetTheme(theme) => {
                self.state.theme = theme;
                ctx.set_theme(theme.theme());
            }
            Command::ShowAbout => self.dialog = Some(Dialog::About),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Runs an action that would lose unsaved changes, asking first when there are any.
    fn guard(&mut self, ctx: &egui::Context, action: Guarded) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(action));
        } else {
            self.perform(ctx, action);
        }
    }

    fn perform(&mut self, ctx: &egui::Context, action: Guarded) {
        match action {
            Guarded::New => {
                let year = self.doc.scenario.horizon.first_year;
                self.set_document(Document::new(defaults::new_plan(year), None, true));
            }
            Guarded::OpenDialog => {
                let folder = self.current_folder();
                if let Some(chosen) =
                    self.files
                        .ask(Purpose::Open, self.state.lang, "", folder.as_deref())
                {
                    self.chosen(ctx, chosen);
                }
            }
            Guarded::Open(path) => {
                self.open_path(&path);
            }
            Guarded::OpenExample(index) => self.set_document(example_document(index)),
            Guarded::Close => {
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn set_document(&mut self, doc: Document) {
        self.doc = doc;
        self.editor.region = 0;
        self.results.reset();
    }

    fn shortcuts(ctx: &egui::Context) -> Vec<Command> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let shortcut = |modifiers, key, command| (KeyboardShortcut::new(modifiers, key), command);
        let shift_command = Modifiers::COMMAND | Modifiers::SHIFT;
        // More specific shortcuts first: Ctrl+Shift+Z before Ctrl+Z.
        let all = [
            shortcut(shift_command, Key::Z, Command::Redo),
            shortcut(Modifiers::COMMAND, Key::Y, Command::Redo),
            shortcut(Modifiers::COMMAND, Key::Z, Command::Undo),
            shortcut(shift_command, Key::S, Command::SaveAsDialog),
            shortcut(Modifiers::COMMAND, Key::S, Command::Save),
            shortcut(Modifiers::COMMAND, Key::O, Command::OpenDialog),
            shortcut(Modifiers::COMMAND, Key::N, Command::New),
        ];
        ctx.input_mut(|input| {
            all.into_iter()
                .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
                .map(|(_, command)| command)
                .collect()
        })
    }

    fn dropped_files(ctx: &egui::Context) -> Vec<Command> {
        ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .filter(|path| !path.as_os_str().is_empty())
                .map(Command::Open)
                .collect()
        })
    }

    /// While a file is dragged over the window, says that dropping it opens it.
    fn drop_hint_ui(ctx: &egui::Context, lang: Lang) {
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

    /// Intercepts closing the window while there are unsaved changes.
    fn guard_close(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.closing && self.doc.is_dirty() && !self.launch.is_automated() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved(Guarded::Close));
        }
    }

    fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        self.dialog = None;
        match answer {
            Answer::Close => {}
            Answer::Recover {
                file,
                recovery,
                save_as,
            } => {
                if let Some(doc) = recovery.document() {
                    self.set_document(doc);
                }
                std::fs::remove_file(&file).ok();
                self.recovery_due = Some(0.0);
                if save_as {
                    self.save_as_dialog(ctx, None);
                }
            }
            Answer::DropRecovery(file) => {
                std::fs::remove_file(&file).ok();
            }
            Answer::Save(action) => self.save_then(ctx, Some(action)),
            Answer::SaveDroppingComments(then) => {
                if let Some(path) = self.doc.path.clone() {
                    self.save_to_then(ctx, &path, then);
                }
            }
            Answer::SaveAs(then) => self.save_as_dialog(ctx, then),
            Answer::Reload => {
                if let Some(path) = self.doc.path.clone() {
                    self.open_path(&path);
                }
            }
            Answer::Overwrite(then) => {
                if let Some(path) = self.doc.path.clone() {
                    self.save_to_then(ctx, &path, then);
                }
            }
            Answer::Discard(action) => {
                if action == Guarded::Close {
                    // Discard means discard: the next start shows the scenario as saved.
                    self.doc.discard_changes();
                    self.closing = true;
                }
                self.perform(ctx, action);
            }
        }
    }

    fn field_problems(&self) -> FieldProblems {
        let mut map = FieldProblems::new();
        for problem in &self.doc.problems {
            if let Location::Field(path) = &problem.location {
                map.entry(path.to_string())
                    .or_default()
                    .push(problem.message(self.state.lang));
            }
        }
        map
    }
}

impl eframe::App for LindungApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let lang = self.state.lang;
        let mut commands = Self::shortcuts(&ctx);
        commands.extend(Self::dropped_files(&ctx));
        self.guard_close(&ctx);
        if ctx.input(|i| i.events.contains(&egui::Event::WindowFocused(true))) {
            self.check_disk();
        }

        commands.extend(menu::ui(ui, &self.state, &self.doc, lang));

        let problems = self.field_problems();
        let editor_region = self.editor.region;
        // The editor keeps the width the user gave it (never what its contents would push it
        // to), and at most what leaves the results 400 points: a saved width wider than the
        // window is narrowed.
        let width = panel::editor_width(self.state.editor_width, ctx.content_rect().width());
        let panel = egui::Panel::left("editor")
            .frame(theme::editor_frame(ui.style()))
            .resizable(false)
            .exact_size(width)
            .show(ui, |ui| {
                let projection = self.doc.projection.as_ref();
                self.editor
                    .ui(ui, &mut self.doc.scenario, &problems, projection, lang);
            });
        self.state.editor_width = width + panel::resize_handle(ui, panel.response.rect, lang);
        // The region chosen in the editor is the one the results show, and the other way
        // round; "Total" in the results leaves the editor where it is.
        if self.editor.region != editor_region {
            self.results.show_region(Some(self.editor.region));
        }

        let edited_in_editor = self.doc.refresh();
        let results_region = self.results.region();
        egui::CentralPanel::default().show(ui, |ui| {
            // The results scroll when notes, warnings and cards leave the charts too little room.
            egui::ScrollArea::vertical()
                .id_salt("results")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if let Some(target) = self.results.ui(ui, &self.doc, lang) {
                        self.doc.scenario.meta.ucj_target = target;
                    }
                });
        });
        if let Some(region) = self.results.region()
            && self.results.region() != results_region
        {
            self.editor.region = region;
        }

        if let Some(dialog) = &self.dialog
            && let Some(answer) = dialogs::ui(&ctx, dialog, lang)
        {
            self.answer(&ctx, answer);
        }
        if let Some(chosen) = self.files.ui(&ctx, lang) {
            self.chosen(&ctx, chosen);
        }

        for command in commands {
            self.run_command(&ctx, command);
        }
        let edited = self.doc.refresh() || edited_in_editor;
        self.doc.feed_undo(ctx.input(|i| i.time));
        self.keep_for_recovery(&ctx, edited);

        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        Self::drop_hint_ui(&ctx, lang);
        self.automation(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.launch.is_automated() {
            return;
        }
        let state = &mut self.state;
        state.last_text = scenario::to_ron_string(&self.doc.scenario).ok();
        state.last_path = self.doc.path.clone();
        state.last_example = self.doc.example.clone();
        state.last_dirty = self.doc.is_dirty();
        state.last_stamp = self.doc.disk;
        match &self.launch.data_folder {
            Some(folder) => settings::save(folder, state),
            None => eframe::set_value(storage, eframe::APP_KEY, state),
        }
    }

    fn on_exit(&mut self) {
        // Closed with the work saved or discarded: no copy is left to offer next time.
        if let Some(folder) = &self.launch.data_folder
            && !self.doc.is_dirty()
            && !self.launch.is_automated()
        {
            settings::forget_recovery(folder);
        }
    }

    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // Xvfb leaves the pointer over the charts: keep hover crosshairs out of screenshots.
        if self.launch.screenshot.is_some() {
            raw_input
                .events
                .retain(|e| !matches!(e, egui::Event::PointerMoved(_)));
        }
    }
}

/// The scenario the user had last time, if it still parses.
/// A bundled example as a document (falls back to the first one for an unknown index).
pub fn example_document(index: usize) -> Document {
    let (name, text) = EXAMPLES.get(index).copied().unwrap_or(EXAMPLES[0]);
    let doc = match scenario::parse(text) {
        Ok(loaded) => Document::from_loaded(loaded, None, true),
        Err(problems) => {
            // A bundled example that does not parse is a build defect (caught by the tests);
            // start from an empty scenario rather than crash.
            log::error!("bundled example {name}: {}", problems_text(&problems));
            Document::new(defaults::new_plan(2026), None, true)
        }
    };
    let mut doc = doc;
    doc.example = Some(name.to_owned());
    doc
}

fn problems_text(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.render("", Lang::En))
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn saved_state_from_an_older_version_still_loads() {
        let state: AppState = ron::from_str("(lang: En, recent: [\"a.ron\"])").expect("loads");
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.recent, vec![PathBuf::from("a.ron")]);
        assert_eq!(state.theme, ThemeChoice::Light);
    }

    #[test]
    fn the_last_scenario_comes_back_with_its_unsaved_changes() {
        let mut scenario = example_document(0).scenario;
        scenario.regions[0].pool.count = 1234;
        let state = AppState {
            last_text: scenario::to_ron_string(&scenario).ok(),
            last_example: Some("palu-2026.ron".to_owned()),
            last_dirty: true,
            ..AppState::default()
        };
        let doc = state.restored_document().expect("restored");
        assert_eq!(doc.scenario, scenario);
        assert!(doc.is_dirty());
        assert_eq!(doc.display_name().as_deref(), Some("palu-2026.ron"));

        let broken = AppState {
            last_text: Some("(version: 1".to_owned()),
            ..AppState::default()
        };
        assert!(broken.restored_document().is_none());
    }

    #[test]
    fn a_file_changed_since_the_last_run_is_what_comes_back_or_is_noticed() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("rencana.ron");
        let ours = example_document(0).scenario;
        let mut theirs = ours.clone();
        theirs.regions[0].pool.count = 70_000;
        let stamp_then = scenario::save(&path, &ours).expect("saves");
        // A colleague saved their version over it after Lindung closed.
        scenario::save(&path, &theirs).expect("saves");
        let closed_clean = AppState {
            last_text: scenario::to_ron_string(&ours).ok(),
            last_path: Some(path.clone()),
            last_stamp: Some(stamp_then),
            ..AppState::default()
        };
        // Without unsaved changes: the file as it is now.
        let doc = closed_clean.restored_document().expect("restored");
        assert_eq!(doc.scenario, theirs);
        assert!(!doc.is_dirty() && !doc.changed_on_disk());
        // With unsaved changes: ours, unsaved, and the change on disk noticed.
        let closed_dirty = AppState {
            last_dirty: true,
            ..closed_clean.clone()
        };
        let doc = closed_dirty.restored_document().expect("restored");
        assert_eq!(doc.scenario, ours);
        assert!(doc.is_dirty() && doc.changed_on_disk());
        // A relative path from an older Lindung names no file for sure: none is kept.
        let relative = AppState {
            last_path: Some(PathBuf::from("rencana.ron")),
            ..closed_dirty
        };
        assert_eq!(relative.restored_document().expect("restored").path, None);
    }

    #[test]
    fn every_bundled_example_parses_and_computes() {
        for (index, (name, _)) in EXAMPLES.iter().enumerate() {
            let doc = example_document(index);
            assert!(doc.problems.is_empty(), "{name}");
            assert!(doc.projection.is_some());
            assert!(!doc.is_dirty());
        }
    }
}
