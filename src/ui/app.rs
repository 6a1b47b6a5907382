//! The eframe app: the saved settings ([`AppState`]), the document being edited, the views,
//! and the handling of [`Command`]s after each frame.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::i18n::Lang;
use crate::model::defaults;
use crate::scenario::{self, Location, Problem};

use super::command::{Command, Guarded};
use super::dialogs::{self, Answer, Dialog};
use super::document::Document;
use super::editor::{Editor, FieldProblems};
use super::file_dialog::{Chosen, FileDialogs, Purpose};
use super::menu;
use super::panel;
use super::results::ResultsView;
pub use super::state::{AppState, ThemeChoice};
use super::theme;

/// The examples compiled into Lindung, so that it opens the same way from any folder.
pub const EXAMPLES: [(&str, &str); 3] = [
    (
        "palu-2026.ron",
        include_str!("../../scenarios/palu-2026.ron"),
    ),
    (
        "sulteng-2026.ron",
        include_str!("../../scenarios/sulteng-2026.ron"),
    ),
    (
        "sigi-anggaran-2026.ron",
        include_str!("../../scenarios/sigi-anggaran-2026.ron"),
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
    launch: Launch,
    frames: u64,
    /// The user agreed to close (changes saved or discarded).
    closing: bool,
    title: String,
}

impl LindungApp {
    pub fn new(cc: &eframe::CreationContext<'_>, launch: Launch) -> Self {
        let state: AppState = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        theme::install(&cc.egui_ctx, state.theme);
        let mut app = Self {
            doc: restored_document(&state).unwrap_or_else(|| example_document(0)),
            state,
            editor: Editor::default(),
            results: ResultsView::default(),
            dialog: None,
            files: FileDialogs::new(launch.own_file_dialog),
            launch,
            frames: 0,
            closing: false,
            title: String::new(),
        };
        if let Some(path) = app.launch.path.clone() {
            app.open_path(&path);
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

    /// Opens a scenario file. On failure the scenario on screen stays and a dialog lists
    /// every problem with its location. Returns whether the file was opened.
    pub fn open_path(&mut self, path: &Path) -> bool {
        match scenario::load(path) {
            Ok(loaded) => {
                self.set_document(Document::from_loaded(loaded, Some(path.to_owned()), true));
                self.remember(path);
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
        match scenario::save(path, &self.doc.scenario) {
            Ok(()) => {
                self.doc.mark_saved(path);
                self.remember(path);
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

    /// Saves to the current file, or asks for one; then goes on with `then` (the action that
    /// waited for the save), if it was saved.
    fn save_then(&mut self, ctx: &egui::Context, then: Option<Guarded>) {
        match self.doc.path.clone() {
            // The file's comments are not part of the scenario: ask before dropping them.
            Some(_) if self.doc.comments > 0 => {
                self.dialog = Some(Dialog::DropComments {
                    count: self.doc.comments,
                    then,
                });
            }
            Some(path) => self.save_to_then(ctx, &path, then),
            None => self.save_as_dialog(ctx, then),
        }
    }

    fn save_to_then(&mut self, ctx: &egui::Context, path: &Path, then: Option<Guarded>) {
        if self.save_to(path)
            && let Some(action) = then
        {
            self.perform(ctx, action);
        }
    }

    fn save_as_dialog(&mut self, ctx: &egui::Context, then: Option<Guarded>) {
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
    fn current_folder(&self) -> Option<PathBuf> {
        let path = self.doc.path.as_ref().or(self.state.recent.first())?;
        let folder = path.parent().filter(|f| !f.as_os_str().is_empty())?;
        Some(std::path::absolute(folder).unwrap_or_else(|_| folder.to_owned()))
    }

    /// Opens or saves the file chosen in a file dialog.
    fn chosen(&mut self, ctx: &egui::Context, chosen: Chosen) {
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

    fn remember(&mut self, path: &Path) {
        let recent = &mut self.state.recent;
        recent.retain(|p| p != path);
        recent.insert(0, path.to_owned());
        recent.truncate(RECENT_FILES);
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
            Answer::Save(action) => self.save_then(ctx, Some(action)),
            Answer::SaveDroppingComments(then) => {
                if let Some(path) = self.doc.path.clone() {
                    self.save_to_then(ctx, &path, then);
                }
            }
            Answer::SaveAs(then) => self.save_as_dialog(ctx, then),
            Answer::Discard(action) => {
                if action == Guarded::Close {
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

    /// Start-up measurement and screenshot mode.
    fn automation(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if self.launch.exit_after_first_frame {
            self.closing = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // A few frames let plots settle their bounds before the picture is taken.
        if self.frames == 4
            && let Some(path) = self.launch.screenshot.clone()
        {
            self.closing = true;
            let ctx_for_close = ctx.clone();
            ctx.request_screenshot(move |image: Arc<egui::ColorImage>| {
                if let Err(e) = save_png(&path, &image) {
                    log::error!("screenshot {}: {e}", path.display());
                }
                ctx_for_close.send_viewport_cmd(egui::ViewportCommand::Close);
                ctx_for_close.request_repaint();
            });
        }
        if self.launch.screenshot.is_some() {
            ctx.request_repaint();
        }
    }
}

impl eframe::App for LindungApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let lang = self.state.lang;
        let mut commands = Self::shortcuts(&ctx);
        commands.extend(Self::dropped_files(&ctx));
        self.guard_close(&ctx);

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

        self.doc.refresh();
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
        self.doc.refresh();
        self.doc.feed_undo(ctx.input(|i| i.time));

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
        eframe::set_value(storage, eframe::APP_KEY, state);
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
fn restored_document(state: &AppState) -> Option<Document> {
    let text = state.last_text.as_deref()?;
    let loaded = match scenario::parse(text) {
        Ok(loaded) => loaded,
        Err(problems) => {
            log::warn!(
                "the scenario saved from the last run does not parse ({} problems); starting from the example",
                problems.len()
            );
            return None;
        }
    };
    let mut doc = Document::from_loaded(loaded, state.last_path.clone(), !state.last_dirty);
    doc.example = state.last_example.clone();
    Some(doc)
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

fn save_png(path: &Path, image: &egui::ColorImage) -> Result<(), String> {
    let [width, height] = image.size;
    let pixels: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, pixels)
        .ok_or_else(|| "image size does not match its pixels".to_owned())?;
    buffer.save(path).map_err(|e| e.to_string())
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
        let doc = restored_document(&state).expect("restored");
        assert_eq!(doc.scenario, scenario);
        assert!(doc.is_dirty());
        assert_eq!(doc.display_name().as_deref(), Some("palu-2026.ron"));

        let broken = AppState {
            last_text: Some("(version: 1".to_owned()),
            ..AppState::default()
        };
        assert!(restored_document(&broken).is_none());
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
