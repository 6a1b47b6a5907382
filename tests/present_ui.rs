//! Presentation mode in the real app (egui_kittest): the editor gives way to full-screen
//! slides, the keyboard steps through them, a lever changed on a slide shows its new figure at
//! once (checked against a hand calculation), and leaving asks whether to keep the change.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lindung::ui::LindungApp;

use crate::common::{app_with, plan, set_number};

fn press(harness: &mut Harness<'_, LindungApp>, key: Key) {
    harness.key_press(key);
    harness.run_ok();
}

/// Slides of a scenario's assumptions: six to a slide, at least one.
fn assumption_slides(plan: &lindung::model::Plan) -> usize {
    let count = lindung::report::inputs::assumptions(plan, lindung::i18n::Lang::Id).len();
    count.div_ceil(6).max(1)
}

#[test]
fn slides_step_with_the_keyboard_and_a_what_if_follows_at_once() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = folder.path().join("rencana.ron");
    let original = plan("Rencana 10.000 pekerja", 10_000);
    lindung::scenario::save(&path, &original).unwrap_or_else(|p| panic!("{p:?}"));
    let mut harness = app_with(vec![path], false, (1024.0, 768.0));
    harness.get_by_label("Presentasi").click();
    harness.run_ok();
    // One scenario: its headline, its three charts and its assumptions, six to a slide.
    let slides = 4 + assumption_slides(&original);
    let of = |slide: usize| format!("{slide} / {slides}");
    harness.get_by_label(&of(1));
    assert!(harness.query_by_label("Judul").is_none(), "no editor");
    // 10.000 members × Rp16.800 × 12 = Rp2.016.000.000, as a planner says it.
    harness.get_by_label("Rp2,02 miliar");
    harness.get_by_label("10.000");

    press(&mut harness, Key::ArrowRight);
    harness.get_by_label(&of(2));
    press(&mut harness, Key::PageDown);
    harness.get_by_label(&of(3));
    press(&mut harness, Key::ArrowLeft);
    harness.get_by_label(&of(2));
    press(&mut harness, Key::End);
    harness.get_by_label(&of(slides));
    press(&mut harness, Key::Home);
    harness.get_by_label(&of(1));

    // The council asks for half the coverage: 50% of 10.000 = 5.000 members × Rp201.600 =
    // Rp1.008.000.000.
    set_number(&mut harness, "Target cakupan 2026", "50");
    harness.get_by_label("Rp1,01 miliar");
    harness.get_by_label("5.000");

    // Esc leaves; the change is offered to keep or put back.
    press(&mut harness, Key::Escape);
    harness.get_by_label("Pertahankan perubahan dari presentasi?");
    harness.get_by_label("Kembalikan seperti semula").click();
    harness.run_ok();
    assert_eq!(harness.state().document().scenario, original);
    harness.get_by_label("Judul");

    // Kept, the change stays in the scenario, unsaved (and undoable).
    harness.get_by_label("Presentasi").click();
    harness.run_ok();
    set_number(&mut harness, "Target cakupan 2026", "50");
    press(&mut harness, Key::Escape);
    harness.get_by_label("Pertahankan").click();
    harness.run_ok();
    assert!(harness.state().document().is_dirty());
    assert_ne!(harness.state().document().scenario, original);
}

/// With a budget cap, the council's lever is the budget: halved on the slide, half as many
/// workers are protected.
#[test]
fn the_budget_changed_on_a_slide_buys_what_it_buys() {
    use lindung::model::plan::{Budget, Direction};
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = folder.path().join("pagu.ron");
    // A pool of 20.000 and a budget of Rp2.016.000.000 a year: 2.016.000.000 / (Rp16.800 × 12)
    // = 10.000 workers.
    let mut capped = plan("Pagu Rp2 miliar", 20_000);
    capped.direction = Direction::BudgetCap;
    capped.regions[0].budget = Budget::Growing {
        amount: 2_016_000_000,
        growth_pct: 0.0,
    };
    lindung::scenario::save(&path, &capped).unwrap_or_else(|p| panic!("{p:?}"));
    let mut harness = app_with(vec![path], true, (1024.0, 768.0));
    harness.get_by_label(&format!("1 / {}", 4 + assumption_slides(&capped)));
    harness.get_by_label("10.000");
    // Rp1.008.000.000 / Rp201.600 = 5.000 workers.
    set_number(&mut harness, "Anggaran 2026", "1008000000");
    harness.get_by_label("5.000");
    harness.get_by_label("Rp1,01 miliar");
}

/// A scenario with many sourced assumptions (Sulawesi Tengah: 13 regions, each with its own
/// figures and sources) shows them six to a slide, each slide saying which page it is.
#[test]
fn long_assumptions_go_over_several_slides() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/sulteng-2026.ron");
    let plan = lindung::scenario::load(&path)
        .unwrap_or_else(|p| panic!("{p:?}"))
        .plan;
    let pages = assumption_slides(&plan);
    assert!(pages >= 2, "{pages} slides of assumptions");
    let mut harness = app_with(vec![path], false, (1024.0, 768.0));
    harness.get_by_label("Presentasi").click();
    harness.run_ok();
    // The headline, three charts, then the pages of assumptions.
    let slides = 4 + pages;
    harness.get_by_label(&format!("1 / {slides}"));
    press(&mut harness, Key::End);
    harness.get_by_label(&format!("{slides} / {slides}"));
    let heading = |page: usize| {
        format!("Asumsi dan sumbernya: Sulawesi Tengah 2026–2030: menuju UCJ 71% ({page}/{pages})")
    };
    harness.get_by_label(&heading(pages));
    press(&mut harness, Key::ArrowLeft);
    harness.get_by_label(&heading(pages - 1));
    // The first page of assumptions follows the charts.
    press(&mut harness, Key::Home);
    for _ in 0..4 {
        press(&mut harness, Key::ArrowRight);
    }
    harness.get_by_label(&heading(1));
}
