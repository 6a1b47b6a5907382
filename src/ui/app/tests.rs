//! The app's saved state and start-up, without a window.

use super::*;

#[test]
fn saved_state_from_an_older_version_still_loads() {
    let state: AppState = ron::from_str("(lang: En, recent: [\"a.ron\"])").expect("loads");
    assert_eq!(state.lang, Lang::En);
    assert_eq!(state.recent, vec![PathBuf::from("a.ron")]);
    assert_eq!(state.theme, ThemeChoice::Light);
}

/// The one scenario a Lindung without tabs kept, as it comes back.
fn restored(state: &AppState) -> Option<Document> {
    let open = state.open_scenarios();
    assert!(open.len() <= 1);
    open.first().and_then(OpenScenario::document)
}

#[test]
fn the_last_scenario_comes_back_with_its_unsaved_changes() {
    let mut scenario = example_document(0).scenario;
    scenario.regions[0].pool.count = 1234;
    // As Lindung 0.1, before tabs, kept it.
    let state = AppState {
        last_text: scenario::to_ron_string(&scenario).ok(),
        last_example: Some("palu-2026.ron".to_owned()),
        last_dirty: true,
        ..AppState::default()
    };
    let doc = restored(&state).expect("restored");
    assert_eq!(doc.scenario, scenario);
    assert!(doc.is_dirty());
    assert_eq!(doc.display_name().as_deref(), Some("palu-2026.ron"));

    let broken = AppState {
        last_text: Some("(version: 1".to_owned()),
        ..AppState::default()
    };
    assert!(restored(&broken).is_none());
}

#[test]
fn every_open_tab_comes_back_with_the_one_in_front_and_the_baseline() {
    let mut changed = example_document(1);
    changed.scenario.regions[0].pool.count = 4321;
    let state = AppState {
        open: vec![
            OpenScenario::of(&example_document(0)),
            OpenScenario::of(&changed),
            OpenScenario::of(&example_document(2)),
        ],
        active: 2,
        baseline: 1,
        ..AppState::default()
    };
    let work = restored_workspace(&state, false);
    assert_eq!(work.count(), 3);
    assert_eq!(
        work.active().doc.example.as_deref(),
        Some("sigi-anggaran-2026.ron")
    );
    assert_eq!(work.baseline_index(), 1);
    assert!(work.tabs()[1].doc.is_dirty());
    assert_eq!(work.tabs()[1].doc.scenario.regions[0].pool.count, 4321);
    // Started with files: only the unsaved tab comes back beside them.
    let work = restored_workspace(&state, true);
    assert_eq!(work.count(), 1);
    assert!(work.active().doc.is_dirty());
    // Nothing kept: the bundled example, which the first file opened replaces.
    let work = restored_workspace(&AppState::default(), false);
    assert!(work.active().placeholder);
}

#[test]
fn a_file_changed_since_the_last_run_is_what_comes_back_or_is_noticed() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("rencana.ron");
    let ours = example_document(0).scenario;
    let mut theirs = ours.clone();
    theirs.regions[0].pool.count = 70_000;
    let stamp_then = scenario::save(&path, &ours).expect("saves");
    // A colleague saved their version over it after Lindung closed.
    scenario::save(&path, &theirs).expect("saves");
    let closed_clean = OpenScenario {
        text: scenario::to_ron_string(&ours).ok(),
        path: Some(path.clone()),
        stamp: Some(stamp_then),
        ..OpenScenario::default()
    };
    // Without unsaved changes: the file as it is now.
    let doc = closed_clean.document().expect("restored");
    assert_eq!(doc.scenario, theirs);
    assert!(!doc.is_dirty() && !doc.changed_on_disk());
    // With unsaved changes: ours, unsaved, and the change on disk noticed.
    let closed_dirty = OpenScenario {
        dirty: true,
        ..closed_clean.clone()
    };
    let doc = closed_dirty.document().expect("restored");
    assert_eq!(doc.scenario, ours);
    assert!(doc.is_dirty() && doc.changed_on_disk());
    // A relative path from an older Lindung names no file for sure: none is kept.
    let relative = OpenScenario {
        path: Some(PathBuf::from("rencana.ron")),
        ..closed_dirty
    };
    assert_eq!(relative.document().expect("restored").path, None);
}

#[test]
fn every_bundled_example_parses_and_computes() {
    for (index, (name, _)) in EXAMPLES.iter().enumerate() {
        let doc = example_document(index);
        assert!(doc.problems.is_empty(), "{name}");
        assert!(doc.projection.is_some());
        assert!(!doc.is_dirty());
    }
}
