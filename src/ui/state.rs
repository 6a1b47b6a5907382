//! What Lindung remembers between runs: language, theme, recent files, the scenarios open
//! (with their unsaved changes) and the editor's width.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

use super::document::Document;
use super::export::ImageSize;
use super::panel;
use crate::scenario;
use crate::scenario::file::Stamp;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Light,
    Dark,
}

impl ThemeChoice {
    pub fn theme(self) -> egui::Theme {
        match self {
            ThemeChoice::Light => egui::Theme::Light,
            ThemeChoice::Dark => egui::Theme::Dark,
        }
    }
}

/// What is saved between runs (eframe persistence). Every field has a default, so a state
/// saved by an older version still loads; one that does not decode at all is ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    pub lang: Lang,
    pub theme: ThemeChoice,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The scenarios open when the app closed, in the order of their tabs.
    pub open: Vec<OpenScenario>,
    /// The tab in front, and the baseline of the comparison (positions in `open`).
    pub active: usize,
    pub baseline: usize,
    /// Lindung before tabs (0.1) kept its one scenario in these: read, never written.
    pub last_text: Option<String>,
    pub last_path: Option<PathBuf>,
    pub last_example: Option<String>,
    pub last_dirty: bool,
    pub last_stamp: Option<Stamp>,
    /// The editor panel's width, as the user last dragged it (points).
    pub editor_width: f32,
    /// The size and scale of exported chart images.
    pub image_size: ImageSize,
    /// The centre showed the comparison of the open scenarios.
    pub comparing: bool,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            lang: Lang::Id,
            theme: ThemeChoice::Light,
            recent: Vec::new(),
            open: Vec::new(),
            active: 0,
            baseline: 0,
            last_text: None,
            last_path: None,
            last_example: None,
            last_dirty: false,
            last_stamp: None,
            editor_width: panel::EDITOR_WIDTH,
            image_size: ImageSize::default(),
            comparing: false,
        }
    }
}

impl AppState {
    /// The scenarios open when Lindung last closed (the one of a Lindung without tabs too).
    pub fn open_scenarios(&self) -> Vec<OpenScenario> {
        if !self.open.is_empty() {
            return self.open.clone();
        }
        if self.last_text.is_none() && self.last_path.is_none() {
            return Vec::new();
        }
        vec![OpenScenario {
            text: self.last_text.clone(),
            path: self.last_path.clone(),
            example: self.last_example.clone(),
            dirty: self.last_dirty,
            stamp: self.last_stamp,
        }]
    }
}

/// An open scenario as kept between runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenScenario {
    /// The scenario as RON text.
    pub text: Option<String>,
    /// Its file.
    pub path: Option<PathBuf>,
    /// The bundled example it came from, if any.
    pub example: Option<String>,
    /// Whether it had unsaved changes.
    pub dirty: bool,
    /// Its file as last read or written, to notice a change made since.
    pub stamp: Option<Stamp>,
}

impl OpenScenario {
    /// How `doc` is kept.
    pub fn of(doc: &Document) -> Self {
        Self {
            text: scenario::to_ron_string(&doc.scenario).ok(),
            path: doc.path.clone(),
            example: doc.example.clone(),
            dirty: doc.is_dirty(),
            stamp: doc.disk,
        }
    }

    /// The scenario as it comes back: the file itself when it had no unsaved changes (it may
    /// have changed since), else the copy kept here, unsaved, with the file's stamp of that
    /// time (so that a change made since is noticed).
    pub fn document(&self) -> Option<Document> {
        // A file saved by an older Lindung may be relative to a folder no longer current: it is
        // not trusted to be the same file.
        let path = self.path.clone().filter(|p| p.is_absolute());
        // Without unsaved changes, the file itself is the scenario (it may have changed since).
        if !self.dirty
            && let Some(path) = &path
            && let Ok(loaded) = scenario::load(path)
        {
            return Some(Document::from_loaded(loaded, Some(path.clone()), true));
        }
        let text = self.text.as_deref()?;
        let loaded = match scenario::parse(text) {
            Ok(loaded) => loaded,
            Err(problems) => {
                log::warn!(
                    "a scenario saved from the last run does not parse ({} problems); it is left out",
                    problems.len()
                );
                return None;
            }
        };
        // Unsaved changes (or a file gone): the copy, unsaved, with the file as it was then.
        let saved = !self.dirty && path.is_none() && self.path.is_none();
        let mut doc = Document::from_loaded(loaded, path, saved);
        doc.disk = self.stamp;
        doc.example = self.example.clone();
        Some(doc)
    }
}
