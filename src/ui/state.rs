//! What Lindung remembers between runs: language, theme, recent files, the scenario on
//! screen and the editor's width.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

use super::document::Document;
use super::panel;
use crate::scenario;

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
    /// The scenario on screen when the app closed, as RON text, and its file.
    pub last_text: Option<String>,
    pub last_path: Option<PathBuf>,
    /// The bundled example it came from, if any.
    pub last_example: Option<String>,
    /// Whether that scenario had unsaved changes.
    pub last_dirty: bool,
    /// Its file as last read or written, to notice a change made since.
    pub last_stamp: Option<crate::scenario::file::Stamp>,
    /// The editor panel's width, as the user last dragged it (points).
    pub editor_width: f32,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            lang: Lang::Id,
            theme: ThemeChoice::Light,
            recent: Vec::new(),
            last_text: None,
            last_path: None,
            last_example: None,
            last_dirty: false,
            last_stamp: None,
            editor_width: panel::EDITOR_WIDTH,
        }
    }
}

impl AppState {
    /// The scenario on screen when Lindung last closed: the file itself when it had no unsaved
    /// changes (it may have changed since), else the copy kept here, unsaved, with the file's
    /// stamp of that time (so that a change made since is noticed).
    pub fn restored_document(&self) -> Option<Document> {
        // A file saved by an older Lindung may be relative to a folder no longer current: it is
        // not trusted to be the same file.
        let path = self.last_path.clone().filter(|p| p.is_absolute());
        // Without unsaved changes, the file itself is the scenario (it may have changed since).
        if !self.last_dirty
            && let Some(path) = &path
            && let Ok(loaded) = scenario::load(path)
        {
            return Some(Document::from_loaded(loaded, Some(path.clone()), true));
        }
        let text = self.last_text.as_deref()?;
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
        // Unsaved changes (or a file gone): the copy, unsaved, with the file as it was then.
        let saved = !self.last_dirty && path.is_none() && self.last_path.is_none();
        let mut doc = Document::from_loaded(loaded, path, saved);
        doc.disk = self.last_stamp;
        doc.example = self.last_example.clone();
        Some(doc)
    }
}
