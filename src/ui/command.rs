//! What the panels ask the app to do. Panels return commands; the app applies them after
//! drawing, so file dialogs and file IO stay out of drawing code and tests can drive the
//! same actions without a dialog. A command about one scenario names its tab.

use std::path::PathBuf;

use crate::i18n::Lang;

use super::app::ThemeChoice;
use super::chart_export::ChartKind;
use super::export::{ExportKind, ImageSize};
use super::workspace::DocId;

#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// A new scenario in a new tab.
    New,
    /// Ask for files with the native dialog, then open each in a tab.
    OpenDialog,
    Open(PathBuf),
    /// Open several files at once, each in a tab.
    OpenAll(Vec<PathBuf>),
    /// Open one of the examples compiled into Lindung, by index, in a new tab.
    OpenExample(usize),
    Save(DocId),
    /// Ask for a file name with the native dialog, then save there.
    SaveAsDialog(DocId),
    Undo(DocId),
    Redo(DocId),
    /// Bring a tab to the front.
    Activate(DocId),
    /// Close a tab (asking first when it has unsaved changes).
    CloseTab(DocId),
    /// Compare the other scenarios with this one.
    SetBaseline(DocId),
    /// Show the comparison of every open scenario (true) or the active scenario's results.
    ShowComparison(bool),
    /// Ask for a file name, then export there (a job off the UI thread).
    Export(ExportKind),
    /// Put a chart of the scenario in front on the clipboard, as an image.
    CopyChart(ChartKind),
    /// The size and scale of exported chart images.
    SetImageSize(ImageSize),
    /// Present the comparison (when shown) or the scenario in front, full screen.
    Present,
    SetLang(Lang),
    SetTheme(ThemeChoice),
    ShowAbout,
    /// Ask to close the window (asking first about each tab with unsaved changes).
    Quit,
}

/// An action that would discard unsaved changes, waiting for the user's answer about the
/// active tab.
#[derive(Clone, Debug, PartialEq)]
pub enum Guarded {
    CloseTab(DocId),
    /// Close the window.
    Close,
}
