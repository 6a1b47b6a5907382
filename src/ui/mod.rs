//! The desktop app (eframe/egui): a tab per open scenario, its editor on the left, key figures
//! and charts in the centre, or the comparison of every open scenario. [`run`] opens the window; [`LindungApp`] is the app itself (tests build it in
//! an egui_kittest harness).

mod app;
mod cards;
pub mod chart_export;
mod charts;
mod command;
mod compare;
mod dialogs;
mod document;
mod editor;
mod export;
mod file_dialog;
mod jobs;
mod menu;
mod months;
mod panel;
mod presentation;
mod region_picker;
mod renderer;
mod results;
pub mod settings;
mod state;
mod table;
mod tabs;
mod theme;
pub mod wilayah;
mod workspace;

use std::path::PathBuf;

pub use app::{AppState, EXAMPLES, Launch, LindungApp, ThemeChoice, example_document};
pub use command::{Command, Guarded};
pub use dialogs::Dialog;
pub use document::Document;
pub use export::{ExportKind, ImageSize};
pub use file_dialog::{FILE_DIALOG, init_logging};
pub use workspace::{DocId, Tab, Workspace};

/// Environment variable: close after the first frame (start-up time measurement).
pub const EXIT_AFTER_FIRST_FRAME: &str = "LINDUNG_EXIT_AFTER_FIRST_FRAME";
/// Environment variable: save a screenshot to this PNG path, then close.
pub const SCREENSHOT: &str = "LINDUNG_SCREENSHOT";

/// Opens the window with `paths` (each in a tab), or with the scenarios of the last run, or
/// with the bundled example; `present` starts presenting them.
/// Lindung's icon (`assets/icon`, drawn by its `make-icon.py`) for the window and taskbar.
fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/lindung.png")).ok()
}

/// Why the window could not open.
#[derive(Debug)]
pub enum WindowError {
    /// The window (or the display) failed: eframe's or winit's message.
    Window(String),
    /// No graphics back end could draw: the whole message for the planner, in both languages.
    Graphics(String),
}

pub fn run(paths: Vec<PathBuf>, present: bool) -> Result<(), WindowError> {
    let launch = Launch {
        paths,
        present,
        exit_after_first_frame: std::env::var_os(EXIT_AFTER_FIRST_FRAME).is_some(),
        screenshot: std::env::var_os(SCREENSHOT).map(PathBuf::from),
        own_file_dialog: file_dialog::FileDialogs::own_asked(),
        data_folder: settings::data_folder(),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id("lindung")
            .with_title("Lindung")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let options = match icon() {
        Some(icon) => eframe::NativeOptions {
            viewport: options.viewport.with_icon(icon),
            ..options
        },
        None => options,
    };
    // The graphics back ends in turn, until one draws (see `renderer`).
    let attempts = renderer::attempts(eframe::wgpu::Backends::from_env());
    let mut error = String::new();
    for (i, backends) in attempts.iter().enumerate() {
        let launch = launch.clone();
        let started = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            eframe::run_native(
                "Lindung",
                renderer::with_backends(options.clone(), *backends),
                Box::new(move |cc| Ok(Box::new(LindungApp::new(cc, launch)))),
            )
        }));
        error = match started {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(e)) => e.to_string(),
            Err(panic) => panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "panic".to_owned()),
        };
        // After a frame was drawn, or without any display, another back end cannot help.
        if renderer::drawn() || crate::cli::no_display() {
            return Err(WindowError::Window(error));
        }
        log::warn!("graphics {backends:?} could not start: {error}");
        if let Some(next) = attempts.get(i + 1) {
            log::warn!("trying {next:?}");
        }
    }
    let text = renderer::failed_text(&attempts, &error);
    if !launch.is_automated() {
        renderer::tell(&text);
    }
    Err(WindowError::Graphics(text))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_icon_is_a_square_256_pixel_image() {
        let icon = super::icon().unwrap_or_else(|| panic!("the bundled icon decodes"));
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
