//! What the panels ask the app to do. Panels return commands; the app applies them after
//! drawing, so file dialogs and file IO stay out of drawing code and tests can drive the
//! same actions without a dialog.

use std::path::PathBuf;

use crate::i18n::Lang;

use super::app::ThemeChoice;

#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    New,
    /// Ask for a file with the native dialog, then open it.
    OpenDialog,
    Open(PathBuf),
    /// Open one of the examples compiled into Lindung, by index.
    OpenExample(usize),
    Save,
    /// Ask for a file name with the native dialog, then save there.
    SaveAsDialog,
    Undo,
    Redo,
    SetLang(Lang),
    SetTheme(ThemeChoice),
    ShowAbout,
    /// Ask to close the window (guarded like New and Open).
    Quit,
}

/// An action that would discard unsaved changes, waiting for the user's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Guarded {
    New,
    OpenDialog,
    Open(PathBuf),
    OpenExample(usize),
    Close,
}
