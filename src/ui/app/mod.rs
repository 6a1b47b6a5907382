//! The eframe app: the saved settings ([`AppState`]), the open scenarios ([`Workspace`]), the
//! views, and the handling of [`Command`]s after each frame.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::model::defaults;
use crate::scenario::{self, Location, Problem};

use super::command::{Command, Guarded};
use super::compare::CompareView;
use super::dialogs::{self, Answer, Dialog};
use super::document::Document;
use super::editor::FieldProblems;
use super::export::{self, ExportKind};
use super::file_dialog::{FileDialogs, Purpose};
use super::jobs::{Jobs, Outcome};
use super::settings;
use super::state::OpenScenario;
pub use super::state::{AppState, ThemeChoice};
use super::workspace::{DocId, Workspace};
use super::{menu, panel, tabs, theme};

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
    /// The files given on the command line, each opened in a tab.
    pub paths: Vec<PathBuf>,
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
    /// The open scenarios.
    work: Workspace,
    /// The centre shows the comparison of every open scenario instead of the active one's
    /// results.
    comparing: bool,
    compare: CompareView,
    /// Exports running off the UI thread.
    jobs: Jobs,
    dialog: Option<Dialog>,
    files: FileDialogs,
    launch: Launch,
    frames: u64,
    /// The user agreed to close (changes saved or discarded).
    closing: bool,
    /// When the recovery copies are next due (seconds of `egui` time), after an edit.
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
        let work = restored_workspace(&state, !launch.paths.is_empty());
        let mut app = Self {
            work,
            comparing: state.comparing,
            state,
            compare: CompareView::default(),
            jobs: Jobs::default(),
            dialog: None,
            files: FileDialogs::new(launch.own_file_dialog),
            launch,
            frames: 0,
            closing: false,
            // The first frame keeps a copy of unsaved work restored from the last run.
            recovery_due: Some(0.0),
            title: String::new(),
        };
        let paths = app.launch.paths.clone();
        if !paths.is_empty() {
            app.open_paths(&paths);
        }
        app.check_disk();
        if let Some(backup) = broken {
            app.dialog = Some(Dialog::SettingsBroken(backup));
        }
        app.offer_recovery();
        app
    }

    /// The scenario in front.
    pub fn document(&self) -> &Document {
        &self.work.active().doc
    }

    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.work.active_mut().doc
    }

    /// Every open scenario.
    pub fn workspace(&self) -> &Workspace {
        &self.work
    }

    /// Whether an export is still running.
    pub fn is_exporting(&self) -> bool {
        self.jobs.is_running()
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
        let doc = self.document();
        let name = doc.display_name().unwrap_or_else(|| lang.tr("ui.untitled"));
        let marker = if doc.is_dirty() { "*" } else { "" };
        let title = doc.scenario.meta.title.trim();
        if title.is_empty() {
            format!("{name}{marker} — Lindung")
        } else {
            format!("{name}{marker} — {title} — Lindung")
        }
    }

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
    fn finished_jobs(&mut self, ctx: &egui::Context, lang: Lang) {
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
    fn ask_unsaved(&mut self, action: Guarded) {
        let name = self.work.active().title(&self.state.lang.tr("ui.untitled"));
        self.dialog = Some(Dialog::Unsaved { action, name });
    }

    /// Goes on with an action once the active tab's changes are saved or discarded.
    fn perform(&mut self, ctx: &egui::Context, action: Guarded) {
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
    fn close_tab(&mut self, id: DocId) {
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

    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Command> {
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
        ];
        ctx.input_mut(|input| {
            all.into_iter()
                .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
                .map(|(_, command)| command)
                .collect()
        })
    }

    /// Files dropped on the window, opened together (one dialog for those that fail).
    fn dropped_files(ctx: &egui::Context) -> Vec<Command> {
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

    /// Intercepts closing the window while any tab has unsaved changes.
    fn guard_close(&mut self, ctx: &egui::Context) {
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
    fn offer_recovery(&mut self) {
        if self.dialog.is_some() || self.launch.is_automated() {
            return;
        }
        if let Some(folder) = &self.launch.data_folder
            && let Some((file, recovery)) = settings::left_behind(folder).pop()
        {
            self.dialog = Some(Dialog::Recover { file, recovery });
        }
    }

    fn field_problems(doc: &Document, lang: Lang) -> FieldProblems {
        let mut map = FieldProblems::new();
        for problem in &doc.problems {
            if let Location::Field(path) = &problem.location {
                map.entry(path.to_string())
                    .or_default()
                    .push(problem.message(lang));
            }
        }
        map
    }

    /// The editor of the active tab on the left.
    fn editor_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let width = panel::editor_width(self.state.editor_width, ui.ctx().content_rect().width());
        let tab = self.work.active_mut();
        let problems = Self::field_problems(&tab.doc, lang);
        let editor_region = tab.editor.region;
        // The editor keeps the width the user gave it (never what its contents would push it
        // to), and at most what leaves the results 400 points: a saved width wider than the
        // window is narrowed.
        let panel = egui::Panel::left("editor")
            .frame(theme::editor_frame(ui.style()))
            .resizable(false)
            .exact_size(width)
            .show(ui, |ui| {
                let projection = tab.doc.projection.as_ref();
                tab.editor
                    .ui(ui, &mut tab.doc.scenario, &problems, projection, lang);
            });
        // The region chosen in the editor is the one the results show, and the other way
        // round; "Total" in the results leaves the editor where it is.
        if tab.editor.region != editor_region {
            tab.results.show_region(Some(tab.editor.region));
        }
        self.state.editor_width = width + panel::resize_handle(ui, panel.response.rect, lang);
    }

    /// The centre: the active tab's results, or the comparison of every tab.
    fn centre_ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Vec<Command> {
        let mut commands = Vec::new();
        let Self {
            work,
            compare,
            comparing,
            ..
        } = self;
        let results_region = work.active().results.region();
        egui::CentralPanel::default().show(ui, |ui| {
            // The results scroll when notes, warnings and cards leave the charts too little room.
            egui::ScrollArea::vertical()
                .id_salt("results")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if *comparing {
                        commands = compare.ui(ui, work, lang);
                    } else {
                        let tab = work.active_mut();
                        if let Some(target) = tab.results.ui(ui, &tab.doc, lang) {
                            tab.doc.scenario.meta.ucj_target = target;
                        }
                    }
                });
        });
        let tab = self.work.active_mut();
        if let Some(region) = tab.results.region()
            && tab.results.region() != results_region
        {
            tab.editor.region = region;
        }
        commands
    }
}

impl eframe::App for LindungApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let lang = self.state.lang;
        let mut commands = self.shortcuts(&ctx);
        commands.extend(Self::dropped_files(&ctx));
        self.guard_close(&ctx);
        if ctx.input(|i| i.events.contains(&egui::Event::WindowFocused(true))) {
            self.check_disk();
        }

        commands.extend(menu::ui(ui, &self.state, self.work.active(), lang));
        commands.extend(tabs::ui(ui, &self.work, self.comparing, lang));
        self.finished_jobs(&ctx, lang);
        self.jobs.ui(ui, lang);
        self.editor_ui(ui, lang);
        let edited_in_editor = self.work.active_mut().doc.refresh();
        commands.extend(self.centre_ui(ui, lang));

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
        let time = ctx.input(|i| i.time);
        let mut edited = edited_in_editor;
        for tab in self.work.tabs_mut() {
            edited |= tab.doc.refresh();
            tab.doc.feed_undo(time);
            // Changed once, the start example is the user's work: a file opened later goes
            // into a tab of its own.
            tab.placeholder &= !tab.doc.is_dirty();
        }
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
        state.open = self
            .work
            .tabs()
            .iter()
            .map(|t| OpenScenario::of(&t.doc))
            .collect();
        let position = |id| {
            self.work
                .tabs()
                .iter()
                .position(|t| t.id == id)
                .unwrap_or(0)
        };
        state.active = position(self.work.active_id());
        state.baseline = position(self.work.baseline_id());
        state.comparing = self.comparing;
        // Kept in `open` now: the fields of a Lindung without tabs are not written again.
        state.last_text = None;
        state.last_path = None;
        state.last_example = None;
        state.last_dirty = false;
        state.last_stamp = None;
        match &self.launch.data_folder {
            Some(folder) => settings::save(folder, state),
            None => eframe::set_value(storage, eframe::APP_KEY, state),
        }
    }

    fn on_exit(&mut self) {
        // Closed with the work saved or discarded: no copy is left to offer next time.
        if let Some(folder) = &self.launch.data_folder
            && self.work.first_dirty().is_none()
            && !self.launch.is_automated()
        {
            settings::forget_all_recovery(folder);
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

/// The tabs open when Lindung last closed, the tab in front and the baseline; the bundled
/// example when there were none. With files to open (`with_files`), only the tabs with unsaved
/// changes come back (nothing is lost), beside the files.
fn restored_workspace(state: &AppState, with_files: bool) -> Workspace {
    let mut restored: Vec<(usize, Document)> = state
        .open_scenarios()
        .iter()
        .enumerate()
        .filter(|(_, open)| open.dirty || !with_files)
        .filter_map(|(index, open)| Some((index, open.document()?)))
        .collect();
    if restored.is_empty() {
        let mut work = Workspace::new(example_document(0));
        work.tabs_mut()[0].placeholder = true;
        return work;
    }
    let (first_index, first) = restored.remove(0);
    let mut work = Workspace::new(first);
    let mut ids = vec![(first_index, work.active_id())];
    for (index, doc) in restored {
        ids.push((index, work.add(doc)));
    }
    let id_of = |position: usize| ids.iter().find(|(i, _)| *i == position).map(|(_, id)| *id);
    work.activate(id_of(state.active).unwrap_or(ids[0].1));
    if let Some(id) = id_of(state.baseline) {
        work.set_baseline(id);
    }
    work
}

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

    /// The one scenario a Lindung without tabs kept, as it comes back.
    fn restored(state: &AppState) -> Option<Document> {
        let open = state.open_scenarios();
        assert!(open.len() <= 1);
        open.first().and_then(OpenScenario::document)
    }

    #[test]
    fn the_last_scenario_comes_back_with_its_unsaved_changes() {
        let mut scenario = example_document(0).scenario;
        scenario.regions[0].pool.count = 1234;
        // As Lindung 0.1, before tabs, kept it.
        let state = AppState {
            last_text: scenario::to_ron_string(&scenario).ok(),
            last_example: Some("palu-2026.ron".to_owned()),
            last_dirty: true,
            ..AppState::default()
        };
        let doc = restored(&state).expect("restored");
        assert_eq!(doc.scenario, scenario);
        assert!(doc.is_dirty());
        assert_eq!(doc.display_name().as_deref(), Some("palu-2026.ron"));

        let broken = AppState {
            last_text: Some("(version: 1".to_owned()),
            ..AppState::default()
        };
        assert!(restored(&broken).is_none());
    }

    #[test]
    fn every_open_tab_comes_back_with_the_one_in_front_and_the_baseline() {
        let mut changed = example_document(1);
        changed.scenario.regions[0].pool.count = 4321;
        let state = AppState {
            open: vec![
                OpenScenario::of(&example_document(0)),
                OpenScenario::of(&changed),
                OpenScenario::of(&example_document(2)),
            ],
            active: 2,
            baseline: 1,
            ..AppState::default()
        };
        let work = restored_workspace(&state, false);
        assert_eq!(work.count(), 3);
        assert_eq!(
            work.active().doc.example.as_deref(),
            Some("sigi-anggaran-2026.ron")
        );
        assert_eq!(work.baseline_index(), 1);
        assert!(work.tabs()[1].doc.is_dirty());
        assert_eq!(work.tabs()[1].doc.scenario.regions[0].pool.count, 4321);
        // Started with files: only the unsaved tab comes back beside them.
        let work = restored_workspace(&state, true);
        assert_eq!(work.count(), 1);
        assert!(work.active().doc.is_dirty());
        // Nothing kept: the bundled example, which the first file opened replaces.
        let work = restored_workspace(&AppState::default(), false);
        assert!(work.active().placeholder);
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
        let closed_clean = OpenScenario {
            text: scenario::to_ron_string(&ours).ok(),
            path: Some(path.clone()),
            stamp: Some(stamp_then),
            ..OpenScenario::default()
        };
        // Without unsaved changes: the file as it is now.
        let doc = closed_clean.document().expect("restored");
        assert_eq!(doc.scenario, theirs);
        assert!(!doc.is_dirty() && !doc.changed_on_disk());
        // With unsaved changes: ours, unsaved, and the change on disk noticed.
        let closed_dirty = OpenScenario {
            dirty: true,
            ..closed_clean.clone()
        };
        let doc = closed_dirty.document().expect("restored");
        assert_eq!(doc.scenario, ours);
        assert!(doc.is_dirty() && doc.changed_on_disk());
        // A relative path from an older Lindung names no file for sure: none is kept.
        let relative = OpenScenario {
            path: Some(PathBuf::from("rencana.ron")),
            ..closed_dirty
        };
        assert_eq!(relative.document().expect("restored").path, None);
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
