//! What Lindung remembers between runs: language, theme, recent files, the scenario on
//! screen and the editor's width.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

use super::panel;

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
            editor_width: panel::EDITOR_WIDTH,
        }
    }
}
