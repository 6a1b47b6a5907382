//! The scenario being edited: where it lives on disk, whether it has unsaved changes, its
//! undo history, and the results computed from it (recomputed only when it changed).

use std::path::{Path, PathBuf};

use egui::util::undoer::Undoer;

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::{Direction, Plan};
use crate::model::{MonthResult, Projection};
use crate::scenario::file::Stamp;
use crate::scenario::{self, Loaded, Problem, migrate::Migration};

/// Warning lines, with the language and direction they were written for.
type Warnings = (Lang, Direction, std::rc::Rc<[String]>);

/// A number for each new projection, never the same twice in a run.
fn next_revision() -> u64 {
    static LAST: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    LAST.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1
}

pub struct Document {
    pub scenario: Plan,
    /// The file it was opened from or saved to (none for a bundled example or a new one).
    pub path: Option<PathBuf>,
    /// A bundled example's name, when the scenario came from one.
    pub example: Option<String>,
    /// The scenario as last opened or saved; unsaved changes are any difference from it.
    saved: Option<Plan>,
    undoer: Undoer<Plan>,
    /// The scenario the results below were computed from.
    computed: Option<Plan>,
    /// The projection of the last valid scenario.
    pub projection: Option<Projection>,
    /// Which projection that is: a number no other projection of this run has, so that
    /// what is worked out from it (the comparison) is worked out again only when it changes.
    revision: u64,
    /// Problems of the current scenario (empty when the projection is current).
    pub problems: Vec<Problem>,
    /// The file's format version and what migrating it changed, when it was older.
    pub migrated: Option<(u32, Migration)>,
    /// Comments in the file as opened, which saving over it would drop (0 once saved).
    pub comments: usize,
    /// The version of Lindung that last saved the file, when the file names it.
    pub saved_with: Option<String>,
    /// The file as this document last read or wrote it: another program's change shows as a
    /// different stamp.
    pub disk: Option<Stamp>,
    /// Every month of the last valid projection, computed when first asked for.
    months: std::cell::OnceCell<Vec<Vec<MonthResult>>>,
    /// The warnings about the last valid projection, in the language last asked for
    /// (written once per projection, not on every frame).
    warnings: std::cell::RefCell<Option<Warnings>>,
}

impl Document {
    /// A document for `scenario`; `saved` says whether it matches what is on disk (or in the
    /// bundled example).
    pub fn new(scenario: Plan, path: Option<PathBuf>, saved: bool) -> Self {
        let mut document = Self {
            saved: saved.then(|| scenario.clone()),
            scenario,
            path,
            example: None,
            undoer: Undoer::default(),
            computed: None,
            projection: None,
            revision: 0,
            problems: Vec::new(),
            migrated: None,
            comments: 0,
            saved_with: None,
            disk: None,
            months: std::cell::OnceCell::new(),
            warnings: std::cell::RefCell::new(None),
        };
        document.refresh();
        document
    }

    /// A document for a file as read: an older file remembers what its migration changed.
    pub fn from_loaded(loaded: Loaded, path: Option<PathBuf>, saved: bool) -> Self {
        let Loaded {
            plan,
            from_version,
            migration,
            source,
            comments,
            saved_with,
            stamp,
        } = loaded;
        let mut document = Self::new(plan, path, saved);
        document.migrated = migration.map(|m| (from_version, m));
        document.comments = comments;
        document.saved_with = saved_with;
        document.disk = stamp;
        if let Some(text) = source.filter(|_| !document.problems.is_empty()) {
            scenario::locate::locate(&mut document.problems, &text);
        }
        document
    }

    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.scenario)
    }

    /// Which projection the results are (see the field): changes whenever they do.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether the results on screen are from an earlier, valid version of the scenario.
    pub fn is_stale(&self) -> bool {
        !self.problems.is_empty()
    }

    /// Recomputes the results if the scenario changed since the last time; returns whether
    /// it did.
    pub fn refresh(&mut self) -> bool {
        if self.computed.as_ref() == Some(&self.scenario) {
            return false;
        }
        // The last valid scenario and its projection: regions that did not change keep
        // their results.
        let previous = self
            .computed
            .as_ref()
            .filter(|_| self.problems.is_empty())
            .zip(self.projection.as_ref());
        match scenario::evaluate_reusing(&self.scenario, previous) {
            Ok(projection) => {
                self.projection = Some(projection);
                self.revision = next_revision();
                self.problems.clear();
                self.months = std::cell::OnceCell::new();
                self.warnings = std::cell::RefCell::new(None);
            }
            Err(problems) => self.problems = problems,
        }
        self.computed = Some(self.scenario.clone());
        true
    }

    /// The months of the valid scenario the results are from: each region's, then the
    /// total's (empty while no valid projection exists).
    pub fn months(&self) -> &[Vec<MonthResult>] {
        self.months.get_or_init(|| {
            let valid = self.computed.as_ref().filter(|_| self.problems.is_empty());
            valid
                .and_then(|plan| scenario::evaluate_months(plan).ok())
                .unwrap_or_default()
        })
    }

    /// Warnings about the results shown: members cut, payers who cannot pay their part, and
    /// input that is probably not what was meant (two regions with one code, a share under 1%,
    /// a budget of Rp0 …).
    pub fn warnings(&self, lang: Lang) -> std::rc::Rc<[String]> {
        let direction = self.scenario.direction;
        let mut cache = self.warnings.borrow_mut();
        if let Some((cached_lang, cached_direction, lines)) = cache.as_ref()
            && (*cached_lang, *cached_direction) == (lang, direction)
        {
            return std::rc::Rc::clone(lines);
        }
        let lines: std::rc::Rc<[String]> = match &self.projection {
            None => std::rc::Rc::from([]),
            Some(projection) => {
                let mut lines = format::cut_lines(
                    projection.regions.iter().map(AsRef::as_ref),
                    direction,
                    lang,
                );
                lines.extend(format::unpaid_lines(projection, lang));
                // Valid input that is probably not what was meant.
                let plan = self.computed.as_ref().unwrap_or(&self.scenario);
                lines.extend(scenario::suspicious(plan).iter().map(|w| w.described(lang)));
                lines.into()
            }
        };
        *cache = Some((lang, direction, std::rc::Rc::clone(&lines)));
        lines
    }

    /// Lets the undo history see the current scenario (call once a frame).
    pub fn feed_undo(&mut self, time: f64) {
        self.undoer.feed_state(time, &self.scenario);
    }

    pub fn can_undo(&self) -> bool {
        self.undoer.has_undo(&self.scenario)
    }

    pub fn can_redo(&self) -> bool {
        self.undoer.has_redo(&self.scenario)
    }

    pub fn undo(&mut self) {
        if let Some(previous) = self.undoer.undo(&self.scenario) {
            self.scenario = previous.clone();
        }
    }

    pub fn redo(&mut self) {
        if let Some(next) = self.undoer.redo(&self.scenario) {
            self.scenario = next.clone();
        }
    }

    /// Records that the scenario is now saved at `path`.
    pub fn mark_saved(&mut self, path: &Path, stamp: Stamp) {
        self.path = Some(path.to_owned());
        self.example = None;
        self.saved = Some(self.scenario.clone());
        self.migrated = None;
        self.comments = 0;
        self.saved_with = Some(scenario::io::THIS_VERSION.to_owned());
        self.disk = Some(stamp);
    }

    /// Whether the file changed on disk since this document read or wrote it (a file that
    /// can no longer be read counts as changed; a document without a file never does).
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.disk) {
            (Some(path), Some(stamp)) => Stamp::of_file(path) != Some(stamp),
            (Some(path), None) => path.exists(),
            (None, _) => false,
        }
    }

    /// Drops the unsaved changes: back to the scenario as last opened or saved.
    pub fn discard_changes(&mut self) {
        if let Some(saved) = &self.saved {
            self.scenario = saved.clone();
        }
    }

    /// The file name, the example's name, or None for an untitled scenario.
    pub fn display_name(&self) -> Option<String> {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .or_else(|| self.example.clone())
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn palu() -> Plan {
        scenario::parse(include_str!("../../scenarios/palu-2026.ron"))
            .expect("bundled example")
            .plan
    }

    #[test]
    fn recomputes_only_on_change_and_keeps_last_valid_results() {
        let mut doc = Document::new(palu(), None, true);
        assert!(doc.projection.is_some());
        assert!(!doc.refresh());
        doc.scenario.regions[0].pool.count = -1;
        assert!(doc.refresh());
        assert!(doc.is_stale());
        assert!(doc.projection.is_some());
        assert!(doc.is_dirty());
    }

    #[test]
    fn undo_returns_to_the_saved_scenario() {
        let mut doc = Document::new(palu(), None, true);
        doc.feed_undo(0.0);
        doc.scenario.regions[0].pool.count = 1000;
        doc.feed_undo(0.1);
        assert!(doc.can_undo());
        doc.undo();
        assert!(!doc.is_dirty());
        assert!(doc.can_redo());
        doc.redo();
        assert_eq!(doc.scenario.regions[0].pool.count, 1000);
    }
}
