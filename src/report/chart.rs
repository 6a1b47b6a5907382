//! Charts as data: what is drawn (series of points, their unit, colour and line style), built
//! from several projections so that scenarios overlay on the same axes. The screen draws a
//! [`ChartSpec`] with egui_plot (`ui::plot`), which is the only code that knows egui_plot.

use crate::i18n::Lang;
use crate::model::YearResult;

use super::compare::{Entry, Scope};
use super::table::{Measure, Unit};

/// Okabe–Ito's colour-blind-safe colours, yellow (hard to read on white) last and black (lost
/// on a dark background) left out.
pub const PALETTE: [[u8; 3]; 7] = [
    [0x00, 0x72, 0xB2], // blue
    [0xE6, 0x9F, 0x00], // orange
    [0x00, 0x9E, 0x73], // bluish green
    [0xD5, 0x5E, 0x00], // vermilion
    [0xCC, 0x79, 0xA7], // reddish purple
    [0x56, 0xB4, 0xE9], // sky blue
    [0xF0, 0xE4, 0x42], // yellow
];

/// How a line is drawn, so that scenarios differ by more than colour (printed in grey, or
/// read by someone who does not tell the colours apart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
}

const DASHES: [Dash; 3] = [Dash::Solid, Dash::Dashed, Dash::Dotted];

/// The look of the `index`-th scenario: colour and dash both change from one scenario to the
/// next, and no two of the first 21 look alike.
pub fn style_of(index: usize) -> ([u8; 3], Dash) {
    (PALETTE[index % PALETTE.len()], DASHES[index % DASHES.len()])
}

/// One line of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The legend's name: the scenario's title.
    pub name: String,
    /// (year, value) for every year the scenario has.
    pub points: Vec<[f64; 2]>,
    pub colour: [u8; 3],
    pub dash: Dash,
    /// The baseline is drawn thicker.
    pub emphasised: bool,
}

/// What an overlay chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// Members paid for at year end.
    Enrolled,
    /// Contributions per year, all payers.
    Cost,
    /// Benefits reaching families per year.
    Benefits,
}

impl Overlay {
    pub const ALL: [Overlay; 3] = [Overlay::Enrolled, Overlay::Cost, Overlay::Benefits];

    fn measure(self) -> Measure {
        match self {
            Overlay::Enrolled => Measure::EnrolledEnd,
            Overlay::Cost => Measure::CostTotal,
            Overlay::Benefits => Measure::BenefitsPaid,
        }
    }

    /// The chart's name (its tab and title).
    pub fn title_key(self) -> &'static str {
        match self {
            Overlay::Enrolled => "ui.compare.chart_enrolled",
            Overlay::Cost => "ui.compare.chart_cost",
            Overlay::Benefits => "ui.compare.chart_benefits",
        }
    }
}

/// A chart: its title, its values' axis label and unit, and its lines.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    pub y_label: String,
    pub unit: Unit,
    pub series: Vec<Series>,
}

impl ChartSpec {
    /// Every scenario's line of `overlay` in `scope` (a scenario without the region has no
    /// line), the baseline emphasised.
    pub fn overlay(
        overlay: Overlay,
        entries: &[Entry<'_>],
        baseline: usize,
        scope: &Scope,
        lang: Lang,
    ) -> Self {
        let measure = overlay.measure();
        let series = entries
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                let rows = scope.rows(entry)?;
                let (colour, dash) = style_of(index);
                Some(Series {
                    name: entry.title.to_owned(),
                    points: points(rows, measure),
                    colour,
                    dash,
                    emphasised: index == baseline,
                })
            })
            .collect();
        let y_label = match measure.unit() {
            Unit::Rupiah => lang.tr("ui.axis.rupiah"),
            _ => lang.tr("ui.axis.workers"),
        };
        Self {
            title: lang.tr(overlay.title_key()),
            y_label,
            unit: measure.unit(),
            series,
        }
    }
}

fn points(rows: &[YearResult], measure: Measure) -> Vec<[f64; 2]> {
    rows.iter()
        .filter_map(|r| Some([f64::from(r.year), measure.value(r).number()?]))
        .collect()
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

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
        let a = crate::scenario::parse(include_str!("../../scenarios/palu-2026.ron"))
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
        assert!(chart.series[1].emphasised && !chart.series[0].emphasised);
        assert_eq!(chart.unit, Unit::Rupiah);
        // A point per year of the horizon, the year as x and the year's cost as y.
        let first = pa.total[0].year;
        assert_eq!(chart.series[0].points.len(), pa.total.len());
        assert_eq!(
            chart.series[0].points[0],
            [f64::from(first), pa.total[0].cost_total as f64]
        );
    }
}
