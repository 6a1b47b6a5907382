//! The monthly view: what BPJS TK bills and the finance office pays each month.

use std::process::Command;

use lindung::model::defaults::{new_plan, region};
use lindung::model::plan::{Basis, CoveragePath, Level, Payer, PayerKind, Wave};
use lindung::scenario::{evaluate, evaluate_months};

#[test]
fn months_follow_the_waves_and_add_up_to_the_year() {
    // 1.000 new workers: 60% (600) from January, 40% (400) from September; the province pays
    // 50%. January–August 600 × Rp16.800 = Rp10.080.000 a month; September–December
    // 1.000 × Rp16.800 = Rp16.800.000. The year: 8 × 10.080.000 + 4 × 16.800.000 =
    // Rp147.840.000, the province half of every month (Rp5.040.000, then Rp8.400.000).
    let mut s = new_plan(2026);
    s.horizon.years = 1;
    s.meta.code = "72.10".into();
    let mut r = region("Kab. Sigi", Level::Kabupaten, "72.10");
    r.pool.count = 1_000;
    r.coverage.path = CoveragePath::PerYear(vec![100.0]);
    r.coverage.waves = vec![
        Wave {
            month: 1,
            share_pct: 60.0,
            until_month: None,
        },
        Wave {
            month: 9,
            share_pct: 40.0,
            until_month: None,
        },
    ];
    r.funding.payers = vec![Payer {
        kind: PayerKind::ApbdProvinsi,
        basis: Basis::Share(50.0),
        source: String::new(),
    }];
    s.regions = vec![r];
    let months = match evaluate_months(&s) {
        Ok(m) => m,
        Err(p) => panic!("{p:?}"),
    };
    assert_eq!(months.len(), 2, "one region and the total");
    let m = &months[0];
    assert_eq!(m.len(), 12);
    assert_eq!((m[0].members, m[0].new), (600, 600));
    assert_eq!((m[7].members, m[7].new), (600, 0));
    assert_eq!((m[8].members, m[8].new), (1_000, 400));
    assert_eq!(m[0].cost_total, 10_080_000);
    assert_eq!(m[11].cost_total, 16_800_000);
    assert_eq!(m[0].cost_of(PayerKind::ApbdProvinsi), 5_040_000);
    assert_eq!(m[11].cost_of(PayerKind::ApbdProvinsi), 8_400_000);
    // By programme in September: JKK 1.000 × Rp10.000, JKM 1.000 × Rp6.800.
    assert_eq!((m[8].cost_jkk, m[8].cost_jkm), (10_000_000, 6_800_000));

    let year = match evaluate(&s) {
        Ok(p) => p.total[0].clone(),
        Err(p) => panic!("{p:?}"),
    };
    assert_eq!(year.cost_total, 147_840_000);
    let sum = |f: fn(&lindung::model::MonthResult) -> i64| m.iter().map(f).sum::<i64>();
    assert_eq!(sum(|x| x.cost_total), year.cost_total);
    for payer in PayerKind::ALL {
        assert_eq!(
            m.iter().map(|x| x.cost_of(payer)).sum::<i64>(),
            year.cost_of(payer)
        );
    }
    let deaths: f64 = m.iter().map(|x| x.deaths_expected).sum();
    assert!((deaths - year.deaths_expected).abs() < 1e-9);
    // The total is the region here.
    assert_eq!(months[1], months[0]);
}

#[test]
fn run_monthly_writes_one_csv_row_per_region_and_month() {
    let out = match Command::new(env!("CARGO_BIN_EXE_lindung"))
        .args([
            "run",
            "scenarios/sulteng-2026.ron",
            "--monthly",
            "--csv",
            "-",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
    {
        Ok(out) => out,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    // A `month` column right after `year`.
    assert!(
        header.starts_with("region,year,month,members,new,cut,cost_total,"),
        "{header}"
    );
    // 13 kabupaten/kota and the TOTAL, 5 years × 12 months each.
    assert_eq!(lines.count(), 14 * 60);
}
