//! Comparisons worked out by hand: one kabupaten whose every member joins in January, so a
//! year costs members × Rp16.800 × 12.

use super::*;
use crate::model::defaults::{new_plan, region};
use crate::model::plan::{CoveragePath, Level, PayerKind};
use crate::scenario::evaluate;

/// `pool` workers of region `code`, all enrolled in January of every year of `years`
/// years from 2026, paid by the kabupaten's APBD.
fn plan(regions: &[(&str, i64)], years: u32) -> Plan {
    let mut plan = new_plan(2026);
    plan.horizon.years = years;
    plan.regions = regions
        .iter()
        .map(|(code, pool)| {
            let mut r = region("Kab. Contoh", Level::Kabupaten, code);
            r.pool.count = *pool;
            r.coverage.start_pct = 0.0;
            r.coverage.path = CoveragePath::PerYear(vec![100.0; years as usize]);
            r
        })
        .collect();
    plan
}

fn run(plan: &Plan) -> Projection {
    evaluate(plan).expect("valid")
}

fn line(c: &Comparison, measure: Measure) -> &Line {
    c.lines
        .iter()
        .find(|l| l.measure == measure)
        .expect("compared")
}

#[test]
fn differences_against_the_baseline_per_year_and_over_the_horizon() {
    let (a, b) = (plan(&[("72.71", 10_000)], 2), plan(&[("72.71", 15_000)], 2));
    let (pa, pb) = (run(&a), run(&b));
    let entries = [
        Entry {
            title: "A",
            plan: &a,
            projection: &pa,
        },
        Entry {
            title: "B",
            plan: &b,
            projection: &pb,
        },
    ];
    let c = Comparison::of(&entries, 0, &Scope::Total);
    assert_eq!(c.years, vec![2026, 2027]);
    let cost = line(&c, Measure::CostTotal);
    // A: 10.000 × Rp16.800 × 12 = Rp2.016.000.000 a year; B: 15.000 × 201.600 =
    // Rp3.024.000.000. B − A = Rp1.008.000.000 a year, Rp2.016.000.000 over two years.
    assert_eq!(cost.values[0][0], Value::Int(2_016_000_000));
    let year = c.difference(cost, 1, 0).expect("not the baseline");
    assert_eq!(year.value, Value::Int(1_008_000_000));
    assert_eq!(year.sign(), Sign::Up);
    let horizon = c.difference(cost, 1, 2).expect("not the baseline");
    assert_eq!(horizon.value, Value::Int(2_016_000_000));
    assert_eq!(c.difference(cost, 0, 0), None);
    // Members at year end: 15.000 − 10.000 = 5.000; over the horizon, the last year's.
    let members = line(&c, Measure::EnrolledEnd);
    assert_eq!(
        c.difference(members, 1, 2).map(|d| d.value),
        Some(Value::Int(5_000))
    );
    // Only the kabupaten pays: its column is there, the province's is not.
    assert!(
        c.lines
            .iter()
            .any(|l| l.measure == Measure::Payer(PayerKind::ApbdKabKota))
    );
    assert!(
        !c.lines
            .iter()
            .any(|l| l.measure == Measure::Payer(PayerKind::ApbdProvinsi))
    );
    // With B as the baseline, A is Rp1.008.000.000 lower.
    let c = Comparison::of(&entries, 1, &Scope::Total);
    let cost = line(&c, Measure::CostTotal);
    let d = c.difference(cost, 0, 0).expect("not the baseline");
    assert_eq!(
        (d.value, d.sign()),
        (Value::Int(-1_008_000_000), Sign::Down)
    );
    assert_eq!(d.text(Lang::Id), "−Rp1,01 miliar");
}

#[test]
fn regions_are_matched_by_code_and_years_by_calendar_year() {
    // A has Palu (72.71) and Sigi (72.10) over 2 years; B has Sigi only, over 3 years.
    let a = plan(&[("72.71", 1_000), ("72.10", 2_000)], 2);
    let b = plan(&[("72.10", 3_000)], 3);
    let (pa, pb) = (run(&a), run(&b));
    let entries = [
        Entry {
            title: "A",
            plan: &a,
            projection: &pa,
        },
        Entry {
            title: "B",
            plan: &b,
            projection: &pb,
        },
    ];
    let scopes = Scope::all(&entries);
    assert_eq!(scopes.len(), 3);
    let sigi = Comparison::of(&entries, 0, &Scope::Region("72.10".into()));
    assert_eq!(sigi.years, vec![2026, 2027, 2028]);
    assert!(sigi.horizons_differ);
    let members = line(&sigi, Measure::EnrolledEnd);
    // Sigi in 2026: 3.000 − 2.000 = 1.000 more in B.
    assert_eq!(
        sigi.difference(members, 1, 0).map(|d| d.value),
        Some(Value::Int(1_000))
    );
    // 2028 is past A's horizon: no difference to show.
    assert_eq!(members.values[0][2], Value::Missing);
    assert_eq!(
        sigi.difference(members, 1, 2).map(|d| d.value),
        Some(Value::Missing)
    );
    // Palu is not in B at all.
    let palu = Comparison::of(&entries, 0, &Scope::Region("72.71".into()));
    assert_eq!(palu.absent, vec![1]);
}

#[test]
fn the_copied_table_has_plain_numbers_and_difference_rows() {
    let (a, b) = (plan(&[("72.71", 10_000)], 1), plan(&[("72.71", 15_000)], 1));
    let (pa, pb) = (run(&a), run(&b));
    let entries = [
        Entry {
            title: "A",
            plan: &a,
            projection: &pa,
        },
        Entry {
            title: "B",
            plan: &b,
            projection: &pb,
        },
    ];
    let tsv = Comparison::of(&entries, 0, &Scope::Total).to_tsv(Lang::Id);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines[0], "Angka\tSkenario\t2026\tSeluruh horizon");
    // 10.000 × Rp201.600 = Rp2.016.000.000; B: Rp3.024.000.000, Rp1.008.000.000 more.
    assert!(
        lines[1].ends_with("\tA\t2016000000\t2016000000"),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].ends_with("\tB\t3024000000\t3024000000"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].ends_with("\tselisih: B\t1008000000\t1008000000"),
        "{}",
        lines[3]
    );
}

#[test]
fn differences_are_written_with_their_sign_and_unit() {
    let points = Difference {
        value: Value::Real(2.5),
        unit: Unit::Percent,
    };
    assert_eq!(points.text(Lang::Id), "+2,50 poin");
    assert_eq!(points.text(Lang::En), "+2.50 pp");
    let none = Difference {
        value: Value::Int(0),
        unit: Unit::Count,
    };
    assert_eq!(
        (none.text(Lang::Id), none.sign()),
        ("±0".to_owned(), Sign::Same)
    );
    let fewer = Difference {
        value: Value::Int(-1_500),
        unit: Unit::Count,
    };
    assert_eq!(fewer.text(Lang::Id), "−1.500");
}

#[test]
fn the_comparison_sentence_says_what_the_difference_buys() {
    let (a, b) = (plan(&[("72.71", 10_000)], 2), plan(&[("72.71", 15_000)], 2));
    let (pa, pb) = (run(&a), run(&b));
    let entries = [
        Entry {
            title: "Rp2 miliar",
            plan: &a,
            projection: &pa,
        },
        Entry {
            title: "Rp3 miliar",
            plan: &b,
            projection: &pb,
        },
    ];
    let lines = sentences(&entries, 0, &Scope::Total, Lang::Id);
    assert_eq!(lines.len(), 1);
    // Rp1.008.000.000 × 2 years = Rp2.016.000.000 more; 5.000 more members in 2027.
    assert!(
        lines[0].contains("Rp2,02 miliar lebih banyak"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("5.000 pekerja lebih banyak"),
        "{}",
        lines[0]
    );
    assert!(lines[0].starts_with("Rp3 miliar"), "{}", lines[0]);
}
