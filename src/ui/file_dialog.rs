//! Berkas → Buka… and Simpan sebagai…: the desktop's own file dialog (rfd: Windows' and
//! macOS' native dialogs, on Linux the xdg-desktop-portal or zenity), or one drawn by Lindung
//! itself (egui_file) when the desktop has none, so that a planner can always open and save.
//!
//! rfd answers "nothing chosen" both when the user cancels and when no dialog could be shown;
//! it says which only in its log. Lindung's logger ([`init_logging`]) keeps rfd's errors, and a
//! failed last resort (zenity, tried after the portal) means the desktop has no dialog: the
//! window then says so and Lindung's own dialog opens instead, for the rest of the session.
//! `LINDUNG_FILE_DIALOG=lindung` uses Lindung's own dialog from the start.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::i18n::Lang;

use super::export::ExportKind;

use super::command::Guarded;

/// Environment variable: `lindung` uses Lindung's own file dialog instead of the desktop's.
pub const FILE_DIALOG: &str = "LINDUNG_FILE_DIALOG";

/// rfd's errors since the last desktop dialog was asked for.
static DESKTOP_ERRORS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The logger of the `lindung` binary: `RUST_LOG` as usual ([`DEFAULT_FILTER`] without it), and rfd's
/// errors kept for [`FileDialogs`].
struct Logger {
    inner: env_logger::Logger,
}

impl log::Log for Logger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        self.inner.enabled(metadata)
    }

    fn log(&self, record: &log::Record<'_>) {
        if record.level() == log::Level::Error
            && record.target().starts_with("rfd")
            && let Ok(mut errors) = DESKTOP_ERRORS.lock()
        {
            errors.push(record.args().to_string());
        }
        self.inner.log(record);
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

/// What is logged when `RUST_LOG` does not say: errors, except wgpu trying its OpenGL
/// backend on a machine that renders through Vulkan (the chart export would otherwise start
/// with an alarming but harmless "EGL failed to load driver").
const DEFAULT_FILTER: &str = "error,wgpu_hal::gles=off";

/// Installs the logger (once, at start-up).
pub fn init_logging() {
    let filter = std::env::var("RUST_LOG").unwrap_or_else(|_| DEFAULT_FILTER.to_owned());
    let inner = env_logger::Builder::new().parse_filters(&filter).build();
    let level = inner.filter().max(log::LevelFilter::Error);
    if log::set_boxed_logger(Box::new(Logger { inner })).is_ok() {
        log::set_max_level(level);
    }
}

/// What a file is asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Purpose {
    Open,
    /// Save there, then go on with the action waiting for the save (if any).
    SaveAs(Option<Guarded>),
    /// Export there.
    Export(ExportKind),
}

impl Purpose {
    /// The files the dialog lists: their kind's name and extension.
    fn filter(&self, lang: Lang) -> (String, &'static str) {
        match self {
            Purpose::Open | Purpose::SaveAs(_) => (lang.tr("ui.file_filter"), "ron"),
            Purpose::Export(kind) => (kind.filter_name(lang), kind.extension()),
        }
    }
}

/// The files the user chose (several may be opened at once, one is saved to), and for what.
#[derive(Clone, Debug, PartialEq)]
pub struct Chosen {
    pub paths: Vec<PathBuf>,
    pub purpose: Purpose,
}

/// The file dialogs of the window: which kind is used, Lindung's own while it is open, and the
/// notice that the desktop's could not be shown.
pub struct FileDialogs {
    /// Why the desktop's dialog cannot be used; Lindung's own is used instead.
    desktop_failed: Option<String>,
    /// Use Lindung's own dialog (asked for, or the desktop's failed).
    own: bool,
    /// The notice about the desktop's dialog is shown (until closed).
    notice: bool,
    open: Option<(Purpose, egui_file::FileDialog)>,
}

impl FileDialogs {
    pub fn new(own: bool) -> Self {
        Self {
            desktop_failed: None,
            own,
            notice: false,
            open: None,
        }
    }

    /// Whether `LINDUNG_FILE_DIALOG` asks for Lindung's own dialog.
    pub fn own_asked() -> bool {
        std::env::var(FILE_DIALOG).is_ok_and(|v| v.trim().eq_ignore_ascii_case("lindung"))
    }

    /// Asks for a file. The desktop's dialog answers at once (`None` when cancelled); Lindung's
    /// own opens in the window and answers through [`FileDialogs::ui`].
    pub fn ask(
        &mut self,
        purpose: Purpose,
        lang: Lang,
        name: &str,
        folder: Option<&Path>,
    ) -> Option<Chosen> {
        if !self.own {
            match desktop(&purpose, lang, name, folder) {
                Ok(paths) if paths.is_empty() => return None,
                Ok(paths) => return Some(Chosen { paths, purpose }),
                Err(why) => {
                    self.desktop_failed = Some(why);
                    self.own = true;
                    self.notice = true;
                }
            }
        }
        self.open = Some((purpose.clone(), own_dialog(&purpose, lang, name, folder)));
        if let Some((_, dialog)) = &mut self.open {
            dialog.open();
        }
        None
    }

    /// Draws Lindung's own dialog while it is open, and the notice; returns the file once one
    /// is chosen.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> Option<Chosen> {
        self.notice_ui(ctx, lang);
        let (purpose, dialog) = self.open.as_mut()?;
        match dialog.show(ctx).state() {
            egui_file::State::Open => None,
            egui_file::State::Selected => {
                let paths: Vec<PathBuf> = match purpose {
                    Purpose::Open => dialog.selection().into_iter().map(Path::to_owned).collect(),
                    Purpose::SaveAs(_) | Purpose::Export(_) => {
                        dialog.path().into_iter().map(Path::to_owned).collect()
                    }
                };
                let chosen = Chosen {
                    paths: paths.iter().map(|p| with_extension(p, purpose)).collect(),
                    purpose: purpose.clone(),
                };
                self.open = None;
                (!chosen.paths.is_empty()).then_some(chosen)
            }
            egui_file::State::Cancelled | egui_file::State::Closed => {
                self.open = None;
                None
            }
        }
    }

    fn notice_ui(&mut self, ctx: &egui::Context, lang: Lang) {
        let Some(why) = self.desktop_failed.as_ref().filter(|_| self.notice) else {
            return;
        };
        egui::Area::new(egui::Id::unique("file_dialog_notice"))
            .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -12.0])
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(640.0);
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        lang.tr("ui.file_dialog.desktop_failed"),
                    );
                    ui.label(egui::RichText::new(why).small().weak());
                    if ui.button(lang.tr("ui.dialog.ok")).clicked() {
                        self.notice = false;
                    }
                });
            });
    }
}

/// The desktop's dialog: the chosen files (none when cancelled), or why it could not be shown.
fn desktop(
    purpose: &Purpose,
    lang: Lang,
    name: &str,
    folder: Option<&Path>,
) -> Result<Vec<PathBuf>, String> {
    if let Ok(mut errors) = DESKTOP_ERRORS.lock() {
        errors.clear();
    }
    let (filter, extension) = purpose.filter(lang);
    let mut dialog = rfd::FileDialog::new().add_filter(filter, &[extension]);
    if let Some(folder) = folder {
        dialog = dialog.set_directory(folder);
    }
    let paths = match purpose {
        Purpose::Open => dialog.pick_files().unwrap_or_default(),
        Purpose::SaveAs(_) | Purpose::Export(_) => {
            dialog.set_file_name(name).save_file().into_iter().collect()
        }
    };
    if !paths.is_empty() {
        return Ok(paths);
    }
    let errors = DESKTOP_ERRORS
        .lock()
        .map(|mut errors| std::mem::take(&mut *errors))
        .unwrap_or_default();
    // rfd 0.17 on Linux tries the portal, then zenity, and logs "… with zenity: …" when that
    // last resort failed too; anything less is a cancelled dialog.
    if errors.iter().any(|e| e.contains("zenity")) {
        Err(errors.join("; "))
    } else {
        Ok(Vec::new())
    }
}

fn own_dialog(
    purpose: &Purpose,
    lang: Lang,
    name: &str,
    folder: Option<&Path>,
) -> egui_file::FileDialog {
    let text = |key: &str| std::borrow::Cow::Owned(lang.tr(key));
    let dialog = match purpose {
        Purpose::Open => egui_file::FileDialog::open_file()
            .multi_select(true)
            .title(&lang.tr("ui.file_dialog.open_title"))
            .show_files_filter(Box::new(|path: &Path| is_scenario(path))),
        Purpose::SaveAs(_) => egui_file::FileDialog::save_file()
            .title(&lang.tr("ui.file_dialog.save_title"))
            .default_filename(name),
        Purpose::Export(kind) => {
            let extension = kind.extension();
            egui_file::FileDialog::save_file()
                .title(&lang.tr("ui.file_dialog.export_title"))
                .default_filename(name)
                .show_files_filter(Box::new(move |path: &Path| {
                    path.is_dir()
                        || path
                            .extension()
                            .is_some_and(|e| e.eq_ignore_ascii_case(extension))
                }))
        }
    };
    // The current file's folder, else the home folder (not wherever Lindung was started).
    let dialog = match folder.map(Path::to_owned).or_else(std::env::home_dir) {
        Some(start) if !start.as_os_str().is_empty() => dialog.initial_path(start),
        _ => dialog,
    };
    dialog
        .id(egui::Id::unique("lindung_file_dialog"))
        .default_size([640.0, 480.0])
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .keep_on_top(true)
        .show_rename(false)
        .open_button_text(text("ui.file_dialog.open"))
        .save_button_text(text("ui.file_dialog.save"))
        .cancel_button_text(text("ui.dialog.cancel"))
        .new_folder_button_text(text("ui.file_dialog.new_folder"))
        .new_folder_name_text(text("ui.file_dialog.new_folder_name"))
        .refresh_button_hover_text(text("ui.file_dialog.refresh"))
        .parent_folder_button_hover_text(text("ui.file_dialog.parent"))
        .file_label_text(text("ui.file_dialog.file"))
        .show_hidden_checkbox_text(text("ui.file_dialog.hidden"))
}

/// A scenario file (`.ron`, any case) or a folder to go into.
fn is_scenario(path: &Path) -> bool {
    path.is_dir()
        || path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
}

/// A name typed without an extension gets its kind's: `anggaran` → `anggaran.ron` (or
/// `anggaran.pdf` for a report).
fn with_extension(path: &Path, purpose: &Purpose) -> PathBuf {
    match purpose {
        Purpose::SaveAs(_) if path.extension().is_none() => path.with_extension("ron"),
        Purpose::Export(kind) if path.extension().is_none() => {
            path.with_extension(kind.extension())
        }
        _ => path.to_owned(),
    }
}

/// The folder of the example scenarios in the Linux tarball and the Windows zip (beside the
/// program) and in the Debian package (`/usr/share/lindung/contoh`).
pub const EXAMPLES_FOLDER: &str = "contoh";

/// Where the Open dialog starts before any scenario was opened: the first folder of
/// [`first_folders`] that exists.
pub fn first_folder() -> Option<PathBuf> {
    let documents = dirs::document_dir();
    let program = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_owned));
    first_folders(documents.as_deref(), program.as_deref())
        .into_iter()
        .find(|folder| folder.is_dir())
}

/// Where the examples are, in order: `Documents\Lindung` (the Windows installer copies them
/// there, and planners keep their own scenarios beside them), the examples beside the program
/// (the zip and the tarball), and `../share/lindung/contoh` from the program (the Debian
/// package's `/usr/bin/lindung`).
fn first_folders(documents: Option<&Path>, program: Option<&Path>) -> Vec<PathBuf> {
    let mut folders = Vec::new();
    if let Some(documents) = documents {
        folders.push(documents.join("Lindung"));
    }
    if let Some(program) = program {
        folders.push(program.join(EXAMPLES_FOLDER));
        if let Some(prefix) = program.parent() {
            folders.push(prefix.join("share").join("lindung").join(EXAMPLES_FOLDER));
        }
    }
    folders
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_open_dialog_looks_where_the_packages_put_the_examples() {
        let folders = first_folders(
            Some(Path::new("/home/a/Dokumen")),
            Some(Path::new("/usr/bin")),
        );
        assert_eq!(
            folders,
            [
                PathBuf::from("/home/a/Dokumen/Lindung"),
                PathBuf::from("/usr/bin/contoh"),
                PathBuf::from("/usr/share/lindung/contoh"),
            ]
        );
        assert!(first_folders(None, None).is_empty());
    }

    #[test]
    fn a_name_without_extension_is_saved_as_ron() {
        let save = Purpose::SaveAs(None);
        assert_eq!(
            with_extension(Path::new("/d/anggaran"), &save),
            PathBuf::from("/d/anggaran.ron")
        );
        assert_eq!(
            with_extension(Path::new("/d/anggaran.RON"), &save),
            PathBuf::from("/d/anggaran.RON")
        );
        assert_eq!(
            with_extension(Path::new("/d/catatan.txt"), &save),
            PathBuf::from("/d/catatan.txt")
        );
        assert_eq!(
            with_extension(Path::new("/d/anggaran"), &Purpose::Open),
            PathBuf::from("/d/anggaran")
        );
    }
}
