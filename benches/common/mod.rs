//! Plans shared by the benchmarks: the Sulawesi Tengah example, and a national-scale plan.

use lindung::model::plan::{CoveragePath, Level, Plan};
use lindung::scenario;

pub fn sulteng() -> Plan {
    match scenario::parse(include_str!("../../scenarios/sulteng-2026.ron")) {
        Ok(loaded) => loaded.plan,
        Err(problems) => panic!("{problems:?}"),
    }
}

/// Indonesia's 514 kabupaten/kota over 30 years: the Sulawesi Tengah regions repeated, each
/// with a code of its own (as in a real national plan, whose owner is no single province).
pub fn national() -> Plan {
    let mut plan = sulteng();
    plan.horizon.years = 30;
    plan.meta.level = Level::Kabupaten;
    plan.meta.code = "72.10".into();
    let regions = plan.regions.clone();
    plan.regions = (0..514)
        .map(|i| {
            let mut r = regions[i % regions.len()].clone();
            r.pool.count += i as i64;
            r.coverage.path = CoveragePath::Ramp { target_pct: 90.0 };
            r.code = format!("{:02}.{:02}", 11 + i / 50, 1 + i % 50);
            r
        })
        .collect();
    plan
}
