//! The eframe app: the saved settings ([`AppState`]), the open scenarios ([`Workspace`]), the
//! views, and the handling of [`Command`]s after each frame.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::model::defaults;
use crate::scenario::{self, Location, Problem};

use super::command::Command;
use super::compare::CompareView;
use super::dialogs::{self, Dialog};
use super::document::Document;
use super::editor::FieldProblems;
use super::file_dialog::FileDialogs;
use super::jobs::Jobs;
use super::presentation::{Ended, Presentation};
use super::settings;
use super::state::OpenScenario;
pub use super::state::{AppState, ThemeChoice};
use super::workspace::Workspace;
use super::{menu, panel, tabs, theme};

mod automation;
mod commands;
mod files;
mod window;

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
    /// Start presenting (several files: their comparison).
    pub present: bool,
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
    pub(crate) fn is_automated(&self) -> bool {
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
    /// Presentation mode, while presenting.
    presenting: Option<Presentation>,
    dialog: Option<Dialog>,
    files: FileDialogs,
    launch: Launch,
    frames: u64,
    /// Whether the window was checked against the screen's size (see `window`).
    fitted: bool,
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
            presenting: None,
            dialog: None,
            files: FileDialogs::new(launch.own_file_dialog),
            launch,
            frames: 0,
            fitted: false,
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
        if app.launch.present {
            app.comparing |= app.launch.paths.len() > 1;
            app.run_command(&cc.egui_ctx, Command::Present);
        }
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
                        let untitled = lang.tr("ui.untitled");
                        let (tab, baseline) = work.active_and_baseline();
                        let title = baseline.map(|b| b.title(&untitled));
                        let baseline = baseline.zip(title.as_deref()).map(|(b, t)| (t, &b.doc));
                        if let Some(target) = tab.results.ui(ui, &tab.doc, baseline, lang) {
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

        self.finished_jobs(&ctx, lang);
        let mut edited_in_editor = false;
        if let Some(presentation) = &mut self.presenting {
            // Full screen, no editor: the slide is all there is.
            if let Some(ended) = presentation.ui(ui, &mut self.work, lang) {
                self.presenting = None;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                if let Ended::Changed(before) = ended {
                    self.dialog = Some(Dialog::KeepWhatIf(before));
                }
            }
        } else {
            commands.extend(menu::ui(ui, &self.state, self.work.active(), lang));
            commands.extend(tabs::ui(ui, &self.work, self.comparing, lang));
            self.jobs.ui(ui, lang);
            self.editor_ui(ui, lang);
            edited_in_editor = self.work.active_mut().doc.refresh();
            commands.extend(self.centre_ui(ui, lang));
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
        let time = ctx.input(|i| i.time);
        let mut edited = edited_in_editor;
        for tab in self.work.tabs_mut() {
            edited |= tab.doc.refresh();
            tab.doc.feed_undo(time);
            // Changed once, the start example is the user's work: a file opened later goes
            // into a tab of its own.
            if tab.placeholder && tab.doc.is_dirty() {
                tab.placeholder = false;
            }
        }
        self.keep_for_recovery(&ctx, edited);

        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        Self::drop_hint_ui(&ctx, lang);
        crate::ui::renderer::mark_drawn();
        self.automation(&ctx);
        self.fit_to_screen(&ctx);
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
mod tests;
