//! The built-in rule history: a past year re-runs under the rules then in force, and
//! `lindung rules` lists every rule set and period.

use std::process::Command;

use lindung::model::Projection;
use lindung::model::defaults::{new_plan, region};
use lindung::model::plan::{CoveragePath, Level, Mortality, Plan, SchoolMix, Sourced, Wave};
use lindung::scenario::evaluate;

/// 1.000 workers from January of `first_year` under the history rule set, no deaths.
fn past(first_year: i32, years: u32) -> Plan {
    let mut s = new_plan(first_year);
    s.meta.rule_set = "bpu_2015".into();
    s.horizon.years = years;
    s.meta.code = "72.10".into();
    let mut r = region("Kab. Sigi", Level::Kabupaten, "72.10");
    r.pool.count = 1_000;
    r.coverage.start_pct = 100.0;
    r.coverage.path = CoveragePath::PerYear(vec![100.0; years as usize]);
    r.coverage.waves = vec![Wave {
        month: 1,
        share_pct: 100.0,
        until_month: None,
    }];
    s.regions = vec![r];
    let a = &mut s.assumptions;
    a.mortality = Mortality::Flat(Sourced::new(0.0, "test"));
    a.jkk_deaths_per_mille.value = 0.0;
    a.nonfatal_accidents_per_mille.value = 0.0;
    a.jkm_waiting_rule.value = false;
    s
}

fn run(s: &Plan) -> Projection {
    match evaluate(s) {
        Ok(p) => p,
        Err(problems) => panic!("{problems:?}"),
    }
}

#[test]
fn the_pp_49_2020_relief_lowers_what_was_paid_in_2020_and_2021() {
    // 2020: January–July at Rp16.800 (7 × 16.800 = Rp117.600); August–December under
    // PP 49/2020, JKK 0,01% of Rp1.000.000 = Rp100 and JKM Rp68 (5 × 168 = Rp840):
    // Rp118.440 a worker, Rp118.440.000 for 1.000.
    // 2021: January still relieved (Rp168), February–December 11 × Rp16.800 = Rp184.800:
    // Rp184.968 a worker, Rp184.968.000. 2022: 12 × 16.800 × 1.000 = Rp201.600.000.
    let p = run(&past(2020, 3));
    let costs: Vec<i64> = p.total.iter().map(|y| y.cost_total).collect();
    assert_eq!(costs, vec![118_440_000, 184_968_000, 201_600_000]);
}

#[test]
fn deaths_before_pp_82_2019_pay_rp24_juta_and_one_rp12_juta_scholarship() {
    // 2018, PP 44/2015: 1.000 members, 1 JKM death per 1.000 a month → 12 × Rp24 juta =
    // Rp288 juta. With 1 work-accident death per 1.000 a month instead: 12 × (48 × Rp1 juta +
    // Rp7,8 juta) = 12 × Rp55,8 juta = Rp669,6 juta, and each family with a child in school
    // gets a one-time Rp12 juta scholarship for one child (no membership minimum for JKK;
    // children per family Poisson(1,2), so P(at least one) = 1 − e^-1,2 = 0,6988058; all in
    // school): 12 × 0,6988058 × Rp12 juta = Rp100.628.033, paid with the claim in 2018.
    let mut s = past(2018, 1);
    s.assumptions.mortality = Mortality::Flat(Sourced::new(12.0, "test"));
    s.assumptions.children_per_member.value = 0.0;
    let y = &run(&s).total[0];
    assert!((y.death_benefits - 288_000_000.0).abs() < 1e-3);

    s.assumptions.mortality = Mortality::Flat(Sourced::new(0.0, "test"));
    s.assumptions.jkk_deaths_per_mille.value = 12.0;
    s.assumptions.children_per_member.value = 1.2;
    s.assumptions.school_mix.value = SchoolMix {
        tk: 0.0,
        sd: 100.0,
        smp: 0.0,
        sma: 0.0,
        pt: 0.0,
    };
    let p = run(&s);
    assert!((p.total[0].death_benefits - 669_600_000.0).abs() < 1e-3);
    let expected = 144_000_000.0 * (1.0 - (-1.2_f64).exp());
    assert!((p.total[0].scholarships_paid - expected).abs() < 1e-3);
    assert!((expected - 100_628_033.0).abs() < 1.0);
    assert_eq!(p.scholarships_after_horizon, 0.0);
}

#[test]
fn a_year_before_the_rule_set_starts_is_a_located_problem() {
    // permenaker_5_2021 starts in April 2021: a 2019 plan under it cannot be computed.
    let mut s = past(2019, 1);
    s.meta.rule_set = "permenaker_5_2021".into();
    let problems = lindung::scenario::validate(&s);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].key, "problem.rule_gap");
}

#[test]
fn lindung_rules_lists_every_period_as_csv() {
    let out = match Command::new(env!("CARGO_BIN_EXE_lindung"))
        .args(["rules", "--csv", "-"])
        .output()
    {
        Ok(out) => out,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(String::from).collect(),
        Err(e) => panic!("{e}"),
    };
    // The columns first, in this order; more only appended.
    assert_eq!(
        &header[..7],
        [
            "id",
            "from",
            "to",
            "jkk_pct",
            "jkm_rp",
            "jkm_death_benefit",
            "source"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(String::from).collect())
        .collect();
    // permenaker_5_2021: 1 period; bpu_2015: 2015-07, 2019-12, 2020-08, 2021-02, 2021-04.
    let periods: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str(), r[2].as_str()))
        .collect();
    assert_eq!(
        periods,
        vec![
            ("permenaker_5_2021", "2021-04", ""),
            ("bpu_2015", "2015-07", "2019-11"),
            ("bpu_2015", "2019-12", "2020-07"),
            ("bpu_2015", "2020-08", "2021-01"),
            ("bpu_2015", "2021-02", "2021-03"),
            ("bpu_2015", "2021-04", ""),
        ]
    );
    // The relief period: JKK 0,01%, JKM Rp68, benefit unchanged at Rp42 juta.
    assert_eq!(&rows[3][3..6], ["0.01", "68", "42000000"]);
}
