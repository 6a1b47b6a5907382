//! What several test modules use: a scenario whose figures are easy to work out by hand, and
//! typing a number into the real app's editor.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lindung::model::defaults::{new_plan, region};
use lindung::model::plan::{CoveragePath, Level, Plan, Wave};
use lindung::ui::{Launch, LindungApp};

/// One kabupaten of `pool` workers, all of them members from January 2026 (start 0%, target
/// 100%, one wave in January), one year: its cost is `pool` × Rp16.800 × 12 = `pool` ×
/// Rp201.600.
pub fn plan(title: &str, pool: i64) -> Plan {
    let mut plan = new_plan(2026);
    plan.meta.title = title.to_owned();
    plan.horizon.years = 1;
    let mut r = region("Kab. Contoh", Level::Kabupaten, "64.09");
    r.pool.count = pool;
    r.coverage.start_pct = 0.0;
    r.coverage.path = CoveragePath::PerYear(vec![100.0]);
    r.coverage.waves = vec![Wave {
        month: 1,
        share_pct: 100.0,
        until_month: None,
    }];
    plan.regions = vec![r];
    plan
}

/// Types `text` into the number box labelled `label`, as a user would: scrolled into view,
/// clicked, its text replaced, Enter.
pub fn set_number(harness: &mut Harness<'_, LindungApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .scroll_to_me();
    harness.run_ok();
    harness
        .get_by_role_and_label(Role::SpinButton, label)
        .click();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text(text.to_owned()));
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
}

/// The real app of `width` × `height` started as `lindung PATHS…` (with `--present` when
/// `present`), after its first frames.
pub fn app_with(
    paths: Vec<std::path::PathBuf>,
    present: bool,
    (width, height): (f32, f32),
) -> Harness<'static, LindungApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_eframe(move |cc| {
            LindungApp::new(
                cc,
                Launch {
                    paths: paths.clone(),
                    present,
                    ..Launch::default()
                },
            )
        });
    harness.run_ok();
    harness
}
