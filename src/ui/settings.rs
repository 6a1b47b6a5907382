//! Lindung's own files in the user's data folder (`~/.local/share/lindung` on Linux,
//! `%APPDATA%\lindung\data` on Windows): the settings, and a recovery copy of a scenario with
//! unsaved changes.
//!
//! - `settings.ron` is written atomically; one that cannot be read is kept beside it as
//!   `settings.ron.rusak` and the window says so, instead of silently starting afresh.
//! - `pemulihan/<process id>-<tab>.ron` holds an open scenario while it has unsaved changes,
//!   written a few seconds after an edit (a frame is asked for then, so it does not wait for
//!   the user to move the mouse) and removed once it is saved or discarded. After a crash or
//!   `kill -9` it is still there, and the next start offers it. It holds the scenario only
//!   (planning figures, no personal data), like the scenario file itself.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::scenario;
use crate::scenario::file::write_atomically;

use super::document::Document;
use super::state::AppState;
use super::workspace::DocId;

/// How long after an edit the recovery copy is written.
pub const RECOVERY_DELAY: Duration = Duration::from_secs(2);

const SETTINGS: &str = "settings.ron";
const BROKEN_SUFFIX: &str = ".rusak";
const RECOVERY_FOLDER: &str = "pemulihan";

/// The data folder of the `lindung` app (none when the system has no home folder).
pub fn data_folder() -> Option<PathBuf> {
    eframe::storage_dir("lindung")
}

/// The settings in `folder`, and a notice when the file there could not be read (it is then
/// kept as `settings.ron.rusak`).
pub fn load(folder: &Path) -> (AppState, Option<String>) {
    let path = folder.join(SETTINGS);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return (AppState::default(), None);
    };
    match ron::from_str(&text) {
        Ok(state) => (state, None),
        Err(e) => {
            let backup = folder.join(format!("{SETTINGS}{BROKEN_SUFFIX}"));
            let kept = std::fs::rename(&path, &backup).is_ok();
            log::warn!("{}: {e}", path.display());
            let notice = kept.then(|| backup.display().to_string());
            (
                AppState::default(),
                notice.or(Some(path.display().to_string())),
            )
        }
    }
}

/// Writes the settings to `folder` atomically.
pub fn save(folder: &Path, state: &AppState) {
    let text = match ron::ser::to_string_pretty(state, ron::ser::PrettyConfig::default()) {
        Ok(text) => text,
        Err(e) => {
            log::warn!("settings: {e}");
            return;
        }
    };
    if let Err(e) = std::fs::create_dir_all(folder) {
        log::warn!("{}: {e}", folder.display());
        return;
    }
    if let Err(problem) = write_atomically(&folder.join(SETTINGS), text.as_bytes()) {
        log::warn!("settings: {}", problem.render("", crate::i18n::Lang::En));
    }
}

/// A scenario with unsaved changes, as kept for recovery.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recovery {
    /// The file the scenario belongs to, if it has one.
    pub path: Option<PathBuf>,
    /// The bundled example it came from, if any.
    pub example: Option<String>,
    /// The scenario as RON text (the current file format).
    pub scenario: String,
}

impl Recovery {
    /// The document it recovers: unsaved, belonging to its file.
    pub fn document(&self) -> Option<Document> {
        let loaded = scenario::parse(&self.scenario).ok()?;
        let mut doc = Document::from_loaded(loaded, self.path.clone(), false);
        doc.example = self.example.clone();
        doc.disk = self
            .path
            .as_deref()
            .and_then(scenario::file::Stamp::of_file);
        Some(doc)
    }
}

/// This process's recovery copy of tab `id` in `folder`.
pub fn recovery_path(folder: &Path, id: DocId) -> PathBuf {
    folder
        .join(RECOVERY_FOLDER)
        .join(format!("{}-{}.ron", std::process::id(), id.number()))
}

/// Whether a recovery copy is this process's own (`<pid>-<tab>.ron`; `<pid>.ron` from a
/// Lindung before tabs).
fn is_own(path: &Path) -> bool {
    let pid = std::process::id().to_string();
    path.file_stem()
        .and_then(|stem| stem.to_str())
        .is_some_and(|stem| {
            stem == pid || stem.strip_prefix(&pid).is_some_and(|r| r.starts_with('-'))
        })
}

/// Writes the recovery copy of tab `id`'s `doc` (atomically), or removes it when `doc` has no
/// unsaved changes.
pub fn keep_for_recovery(folder: &Path, id: DocId, doc: &Document) {
    let path = recovery_path(folder, id);
    if !doc.is_dirty() {
        std::fs::remove_file(&path).ok();
        return;
    }
    let Ok(text) = scenario::to_ron_string(&doc.scenario) else {
        return;
    };
    let recovery = Recovery {
        path: doc.path.clone(),
        example: doc.example.clone(),
        scenario: text,
    };
    let written = ron::ser::to_string_pretty(&recovery, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())
        .and_then(|text| {
            std::fs::create_dir_all(folder.join(RECOVERY_FOLDER)).map_err(|e| e.to_string())?;
            write_atomically(&path, text.as_bytes())
                .map(|_| ())
                .map_err(|p| p.render("", crate::i18n::Lang::En))
        });
    if let Err(e) = written {
        log::warn!("{}: {e}", path.display());
    }
}

/// Removes this process's recovery copy of tab `id` (the tab closed).
pub fn forget_recovery(folder: &Path, id: DocId) {
    std::fs::remove_file(recovery_path(folder, id)).ok();
}

/// Removes every recovery copy of this process (closed with everything saved or discarded).
pub fn forget_all_recovery(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder.join(RECOVERY_FOLDER)) else {
        return;
    };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if is_own(&path) {
            std::fs::remove_file(&path).ok();
        }
    }
}

/// The recovery copies left by earlier runs that ended without saving, oldest first, each
/// with its file (copies that cannot be read are left where they are).
pub fn left_behind(folder: &Path) -> Vec<(PathBuf, Recovery)> {
    let Ok(entries) = std::fs::read_dir(folder.join(RECOVERY_FOLDER)) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf, Recovery)> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| !is_own(path) && path.extension().is_some_and(|e| e == "ron"))
        .filter_map(|path| {
            let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
            let text = std::fs::read_to_string(&path).ok()?;
            let recovery: Recovery = ron::from_str(&text).ok()?;
            Some((modified, path, recovery))
        })
        .collect();
    found.sort_by_key(|(modified, _, _)| *modified);
    found
        .into_iter()
        .map(|(_, path, recovery)| (path, recovery))
        .collect()
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_settings_are_kept_aside_and_said_so() {
        let folder = tempfile::tempdir().expect("temp dir");
        let state = AppState {
            editor_width: 512.0,
            ..AppState::default()
        };
        save(folder.path(), &state);
        assert_eq!(load(folder.path()), (state, None));
        std::fs::write(folder.path().join(SETTINGS), "(lang: Klingon").expect("writes");
        let (state, notice) = load(folder.path());
        assert_eq!(state, AppState::default());
        let backup = folder.path().join("settings.ron.rusak");
        assert_eq!(notice, Some(backup.display().to_string()));
        assert_eq!(
            std::fs::read_to_string(&backup).expect("kept"),
            "(lang: Klingon"
        );
    }

    #[test]
    fn a_recovery_copy_lives_while_changes_are_unsaved() {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut work = super::super::workspace::Workspace::new(super::super::example_document(0));
        let other_tab = work.add(super::super::example_document(1));
        let id = work.tabs()[0].id;
        let mut doc = super::super::example_document(0);
        keep_for_recovery(folder.path(), id, &doc);
        assert!(
            !recovery_path(folder.path(), id).exists(),
            "nothing unsaved"
        );
        doc.scenario.regions[0].pool.count = 12_345;
        keep_for_recovery(folder.path(), id, &doc);
        // Each tab has its own copy.
        let mut other = super::super::example_document(1);
        other.scenario.regions[0].pool.count = 54_321;
        keep_for_recovery(folder.path(), other_tab, &other);
        assert!(recovery_path(folder.path(), other_tab).exists());
        forget_recovery(folder.path(), other_tab);
        assert!(!recovery_path(folder.path(), other_tab).exists());
        let text = std::fs::read_to_string(recovery_path(folder.path(), id)).expect("written");
        let recovery: Recovery = ron::from_str(&text).expect("reads");
        let recovered = recovery.document().expect("recovers");
        assert_eq!(recovered.scenario, doc.scenario);
        assert!(recovered.is_dirty());
        // Another run's copy is offered; this run's own is not.
        assert!(left_behind(folder.path()).is_empty());
        let other = folder.path().join(RECOVERY_FOLDER).join("1.ron");
        std::fs::rename(recovery_path(folder.path(), id), &other).expect("renames");
        keep_for_recovery(folder.path(), id, &doc);
        let found = left_behind(folder.path());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, other);
        forget_all_recovery(folder.path());
        assert!(!recovery_path(folder.path(), id).exists());
        assert!(other.exists(), "another run's copy stays");
    }
}
