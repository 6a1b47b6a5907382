//! Chart specifications built from hand-worked rows and scenarios.

#![allow(clippy::expect_used)]

use super::*;
use crate::model::plan::Direction;

#[test]
fn the_first_twenty_one_scenarios_all_look_different() {
    let looks: Vec<_> = (0..21).map(style_of).collect();
    for (i, a) in looks.iter().enumerate() {
        assert!(looks[i + 1..].iter().all(|b| b != a), "scenario {i}");
    }
    // Neighbours differ in colour and in dash.
    for pair in looks.windows(2) {
        assert!(pair[0].0 != pair[1].0 && pair[0].1 != pair[1].1);
    }
}

#[test]
fn an_overlay_has_a_line_per_scenario_with_its_title() {
    let a = crate::scenario::parse(include_str!("../../../scenarios/palu-2026.ron"))
        .expect("example")
        .plan;
    let pa = crate::scenario::evaluate(&a).expect("valid");
    let entries = [
        Entry {
            title: "Palu",
            plan: &a,
            projection: &pa,
        },
        Entry {
            title: "Palu lagi",
            plan: &a,
            projection: &pa,
        },
    ];
    let chart = ChartSpec::overlay(Overlay::Cost, &entries, 1, &Scope::Total, Lang::Id);
    let names: Vec<&str> = chart.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Palu", "Palu lagi"]);
    // The baseline (the second) is drawn thicker.
    let width = |s: &Series| match s.mark {
        Mark::Line { width, .. } => width,
        _ => 0.0,
    };
    assert!(width(&chart.series[1]) > width(&chart.series[0]));
    assert_eq!(chart.unit, Unit::Rupiah);
    // A point per year of the horizon, the year as x and the year's cost as y.
    let first = pa.total[0].year;
    assert_eq!(chart.series[0].points.len(), pa.total.len());
    assert_eq!(
        chart.series[0].points[0],
        [f64::from(first), pa.total[0].cost_total as f64]
    );
}

#[test]
fn the_legend_goes_where_the_lines_are_not() {
    let line = |values: [f64; 5]| -> Vec<[f64; 2]> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| [2026.0 + i as f64, *v])
            .collect()
    };
    // Rising lines leave the top left empty.
    let rising = [line([10.0, 30.0, 50.0, 70.0, 90.0])];
    assert_eq!(emptiest_corner(&rising, 100.0), Corner::LeftTop);
    // Falling lines leave the top right empty.
    let falling = [line([90.0, 70.0, 50.0, 30.0, 10.0])];
    assert_eq!(emptiest_corner(&falling, 100.0), Corner::RightTop);
    // A target high up and members just under half of it (Sigi: 32.279 and 15.000 of an
    // axis to 35.000): the legend, about two fifths of the plot tall, fits under both.
    let target_and_members = [line([0.92 * 35.0; 5]), line([15.0; 5])];
    assert_eq!(
        emptiest_corner(&target_and_members, 35.0),
        Corner::LeftBottom
    );
    // Flat lines high up leave the bottom free.
    assert_eq!(
        emptiest_corner(&[line([90.0; 5])], 100.0),
        Corner::LeftBottom
    );
}

/// Two years of a region: 10.000 workers in the pool, 4.000 and then 6.000 enrolled,
/// the lowest bracket (Rp16.800 a month) paid by the kabupaten, the province paying a
/// share in the second year.
fn two_years() -> Vec<YearResult> {
    let mut first = YearResult {
        year: 2026,
        pool: 10_000,
        enrolled_end: 4_000,
        enrolled_avg: 4_000.0,
        employed: 200_000.0,
        covered_other: 36_000.0,
        death_benefits: 42_000_000.0,
        accident_benefits: 7_000_000.0,
        apbd_total: Some(2_000_000_000_000.0),
        ..YearResult::default()
    };
    // 4.000 × Rp16.800 × 12 = Rp806.400.000.
    first.cost_by_payer[PayerKind::ApbdKabKota.index()] = 806_400_000;
    first.cost_total = 806_400_000;
    first.apbd_cost = 806_400_000;
    let mut second = YearResult {
        year: 2027,
        enrolled_end: 6_000,
        enrolled_avg: 6_000.0,
        ..first.clone()
    };
    // 6.000 × Rp16.800 × 12 = Rp1.209.600.000: half each.
    second.cost_by_payer[PayerKind::ApbdKabKota.index()] = 604_800_000;
    second.cost_by_payer[PayerKind::ApbdProvinsi.index()] = 604_800_000;
    second.cost_total = 1_209_600_000;
    second.apbd_cost = 604_800_000;
    vec![first, second]
}

#[test]
fn the_coverage_charts_show_members_against_the_pool_and_the_target() {
    let [people, shares] = ChartSpec::coverage(&two_years(), 40.0, Lang::Id);
    let names: Vec<&str> = people.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["Sasaran", "Peserta akhir tahun", "Peserta rata-rata"]
    );
    assert_eq!(
        people.series[1].points,
        [[2026.0, 4_000.0], [2027.0, 6_000.0]]
    );
    // Coverage 4.000 ÷ 10.000 = 40% and 60%; UCJ (36.000 + 4.000) ÷ 200.000 = 20%, then
    // (36.000 + 6.000) ÷ 200.000 = 21%; the target a level at 40%.
    assert_eq!(shares.series[0].points, [[2026.0, 20.0], [2027.0, 21.0]]);
    assert_eq!(shares.series[1].points, [[2026.0, 40.0], [2027.0, 60.0]]);
    assert_eq!(shares.series[2].mark, Mark::Level);
    assert_eq!(shares.series[2].points[0][1], 40.0);
    assert_eq!(shares.include_y, Some(100.0));
    // No target, no level.
    let [_, shares] = ChartSpec::coverage(&two_years(), 0.0, Lang::Id);
    assert_eq!(shares.series.len(), 2);
}

#[test]
fn the_budget_chart_stacks_each_paying_payer_and_the_apbd_share() {
    let rows = two_years();
    let [cost, share] = ChartSpec::budget(&rows, Direction::CoverageTarget, Lang::Id);
    // Only the two payers that pay anything, each in its own colour, as bars.
    assert_eq!(cost.series.len(), 2);
    assert!(cost.series.iter().all(|s| s.mark == Mark::Bars));
    assert_eq!(cost.series[0].colour, payer_colour(PayerKind::ApbdKabKota));
    assert_eq!(
        cost.series[0].points,
        [[2026.0, 806_400_000.0], [2027.0, 604_800_000.0]]
    );
    assert_eq!(cost.series[1].points[1], [2027.0, 604_800_000.0]);
    // Room for the legend above the tallest year: 1,5 × Rp1.209.600.000.
    assert_eq!(cost.include_y, Some(1_814_400_000.0));
    // Rp806.400.000 of a Rp2 triliun APBD is 0,04032%; Rp604.800.000 is 0,03024%.
    let expected = [0.040_32, 0.030_24];
    for (point, expected) in share.series[0].points.iter().zip(expected) {
        assert!((point[1] - expected).abs() < 1e-12, "{point:?}");
    }
    assert_eq!(share.note, None);
    // The budget direction adds the budget as a line.
    let [cost, _] = ChartSpec::budget(&rows, Direction::BudgetCap, Lang::Id);
    assert!(matches!(cost.series[2].mark, Mark::Line { .. }));
    // Without an APBD the share chart says so.
    let no_apbd: Vec<YearResult> = rows
        .iter()
        .map(|r| YearResult {
            apbd_total: None,
            ..r.clone()
        })
        .collect();
    let [_, share] = ChartSpec::budget(&no_apbd, Direction::CoverageTarget, Lang::Id);
    assert!(share.series[0].points.is_empty() && share.note.is_some());
}

#[test]
fn the_protection_charts_show_deaths_with_their_range_and_benefits_stacked() {
    let rows = two_years();
    let [deaths, benefits] = ChartSpec::protection(&rows, Lang::Id);
    // The band first (under the lines), from the low to the high end of each year's range.
    let Mark::Band { upper } = &deaths.series[0].mark else {
        panic!("{:?}", deaths.series[0].mark);
    };
    let ranges: Vec<(f64, f64)> = rows.iter().map(YearResult::deaths_range).collect();
    assert_eq!(upper, &ranges.iter().map(|r| r.1).collect::<Vec<_>>());
    // Benefits: death benefits Rp42 juta, claims Rp7 juta, scholarships 0, stacked.
    let values: Vec<f64> = benefits.series.iter().map(|s| s.points[0][1]).collect();
    assert_eq!(values, [42_000_000.0, 7_000_000.0, 0.0]);
    // Room for the legend: 1,5 × Rp49 juta.
    assert_eq!(benefits.include_y, Some(73_500_000.0));
}
