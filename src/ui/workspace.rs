//! The open scenarios: each a [`Tab`] with its document (file, undo history, unsaved marker)
//! and its own view (region, year, chart shown), keyed by a [`DocId`] that stays the same
//! while the tab is open; one of them is active, one is the baseline of the comparison.

use std::path::Path;

use crate::scenario::file::{Stamp, same_file};

use super::document::Document;
use super::editor::Editor;
use super::results::ResultsView;

/// Names an open document for as long as it is open (indices shift when a tab closes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocId(u64);

impl DocId {
    /// A number for this document that no other open document of this run has (for its
    /// recovery copy's name).
    pub fn number(self) -> u64 {
        self.0
    }
}

/// An open scenario and how it is viewed.
pub struct Tab {
    pub id: DocId,
    pub doc: Document,
    pub editor: Editor,
    pub results: ResultsView,
    /// The file's stamp last asked about (a change on disk is asked about once).
    pub asked_about: Option<Option<Stamp>>,
    /// Opened by Lindung itself (the example shown at the first start): the first scenario
    /// the user opens takes its place while it is unchanged.
    pub placeholder: bool,
    /// What the tab is called instead of its scenario's title (a file as it is on disk,
    /// beside the changes made to it).
    pub label: Option<String>,
}

impl Tab {
    fn new(id: DocId, doc: Document) -> Self {
        Self {
            id,
            doc,
            editor: Editor::default(),
            results: ResultsView::default(),
            asked_about: None,
            placeholder: false,
            label: None,
        }
    }

    /// The name on its tab, in legends and in tables: its label, else the scenario's title,
    /// else its file's or example's name.
    pub fn title(&self, untitled: &str) -> String {
        if let Some(label) = &self.label {
            return label.clone();
        }
        let title = self.doc.scenario.meta.title.trim();
        if title.is_empty() {
            self.doc
                .display_name()
                .unwrap_or_else(|| untitled.to_owned())
        } else {
            title.to_owned()
        }
    }
}

pub struct Workspace {
    /// In the order of the tabs; never empty.
    tabs: Vec<Tab>,
    active: DocId,
    baseline: DocId,
    next: u64,
}

impl Workspace {
    pub fn new(doc: Document) -> Self {
        let first = DocId(0);
        Self {
            tabs: vec![Tab::new(first, doc)],
            active: first,
            baseline: first,
            next: 1,
        }
    }

    /// Adds `doc` as a new tab and makes it the active one; it takes the place of the
    /// unchanged placeholder instead, if there is one.
    pub fn add(&mut self, doc: Document) -> DocId {
        let id = DocId(self.next);
        self.next += 1;
        let tab = Tab::new(id, doc);
        match self
            .tabs
            .iter()
            .position(|t| t.placeholder && !t.doc.is_dirty())
        {
            Some(index) => {
                let old = self.tabs[index].id;
                self.tabs[index] = tab;
                if self.baseline == old {
                    self.baseline = id;
                }
            }
            None => self.tabs.push(tab),
        }
        self.active = id;
        id
    }

    pub fn tabs(&self) -> &[Tab] {
        &self.tabs
    }

    pub fn tabs_mut(&mut self) -> &mut [Tab] {
        &mut self.tabs
    }

    /// How many scenarios are open (at least one).
    pub fn count(&self) -> usize {
        self.tabs.len()
    }

    pub fn get(&self, id: DocId) -> Option<&Tab> {
        self.tabs.iter().find(|t| t.id == id)
    }

    pub fn get_mut(&mut self, id: DocId) -> Option<&mut Tab> {
        self.tabs.iter_mut().find(|t| t.id == id)
    }

    pub fn active_id(&self) -> DocId {
        self.active
    }

    pub fn active(&self) -> &Tab {
        let index = self.index_of(self.active);
        &self.tabs[index]
    }

    pub fn active_mut(&mut self) -> &mut Tab {
        let index = self.index_of(self.active);
        &mut self.tabs[index]
    }

    /// The active tab to draw and edit, and the baseline beside it (`None` when the active tab
    /// is the baseline).
    pub fn active_and_baseline(&mut self) -> (&mut Tab, Option<&Tab>) {
        let active = self.index_of(self.active);
        let baseline = self.index_of(self.baseline);
        if active == baseline {
            return (&mut self.tabs[active], None);
        }
        if active < baseline {
            let (left, right) = self.tabs.split_at_mut(baseline);
            (&mut left[active], Some(&right[0]))
        } else {
            let (left, right) = self.tabs.split_at_mut(active);
            (&mut right[0], Some(&left[baseline]))
        }
    }

    pub fn activate(&mut self, id: DocId) {
        if self.get(id).is_some() {
            self.active = id;
        }
    }

    pub fn baseline_id(&self) -> DocId {
        self.baseline
    }

    /// The baseline's position among the tabs.
    pub fn baseline_index(&self) -> usize {
        self.index_of(self.baseline)
    }

    pub fn set_baseline(&mut self, id: DocId) {
        if self.get(id).is_some() {
            self.baseline = id;
        }
    }

    /// Closes tab `id` (the last one is never closed); its neighbour becomes active, and the
    /// first tab the baseline if it was. Returns the closed tab.
    pub fn close(&mut self, id: DocId) -> Option<Tab> {
        if self.tabs.len() < 2 {
            return None;
        }
        let index = self.tabs.iter().position(|t| t.id == id)?;
        let tab = self.tabs.remove(index);
        if self.active == id {
            self.active = self.tabs[index.min(self.tabs.len() - 1)].id;
        }
        if self.baseline == id {
            self.baseline = self.tabs[0].id;
        }
        Some(tab)
    }

    /// The tab of the file at `path`, if it is open.
    pub fn find_file(&self, path: &Path) -> Option<DocId> {
        self.tabs
            .iter()
            .find(|t| t.doc.path.as_deref().is_some_and(|p| same_file(p, path)))
            .map(|t| t.id)
    }

    /// The first tab with unsaved changes.
    pub fn first_dirty(&self) -> Option<DocId> {
        self.tabs.iter().find(|t| t.doc.is_dirty()).map(|t| t.id)
    }

    /// The position of `id` (the first tab for an id no longer open).
    fn index_of(&self, id: DocId) -> usize {
        self.tabs.iter().position(|t| t.id == id).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::app::example_document;

    #[test]
    fn tabs_open_close_and_keep_a_baseline() {
        let mut work = Workspace::new(example_document(0));
        let first = work.active_id();
        let second = work.add(example_document(1));
        let third = work.add(example_document(2));
        assert_eq!(work.count(), 3);
        assert_eq!(work.active_id(), third);
        work.set_baseline(second);
        assert_eq!(work.baseline_index(), 1);
        let (active, baseline) = work.active_and_baseline();
        assert_eq!((active.id, baseline.map(|t| t.id)), (third, Some(second)));
        work.activate(first);
        let (active, baseline) = work.active_and_baseline();
        assert_eq!((active.id, baseline.map(|t| t.id)), (first, Some(second)));
        work.activate(second);
        assert!(work.active_and_baseline().1.is_none());
        work.activate(third);
        // Closing the active tab activates its neighbour; closing the baseline makes the
        // first tab the baseline.
        assert!(work.close(third).is_some());
        assert_eq!(work.active_id(), second);
        assert!(work.close(second).is_some());
        assert_eq!((work.active_id(), work.baseline_id()), (first, first));
        // The last tab stays.
        assert!(work.close(first).is_none());
        assert_eq!(work.count(), 1);
    }

    #[test]
    fn the_first_file_opened_replaces_the_unchanged_start_example() {
        let mut work = Workspace::new(example_document(0));
        work.tabs_mut()[0].placeholder = true;
        let opened = work.add(example_document(1));
        assert_eq!(work.count(), 1);
        assert_eq!((work.active_id(), work.baseline_id()), (opened, opened));
        // A changed placeholder is kept.
        let mut work = Workspace::new(example_document(0));
        work.tabs_mut()[0].placeholder = true;
        work.tabs_mut()[0].doc.scenario.regions[0].pool.count = 1;
        work.add(example_document(1));
        assert_eq!(work.count(), 2);
    }
}
