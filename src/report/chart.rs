//! Charts as data: what is drawn (series of points, their unit, colour and mark: a line, a
//! stacked bar, a band or a level), where the legend goes and how far the value axis reaches.
//! The two charts of each tab (coverage, budget, protection) are built from one projection;
//! an overlay from several, so that scenarios share the same axes. The screen, the exported
//! PNG and the PDF draw a [`ChartSpec`] with egui_plot (`ui::charts`), the only code that
//! knows egui_plot.

use crate::i18n::Lang;
use crate::model::YearResult;
use crate::model::plan::{Direction, PayerKind};

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
    /// Short dashes close together: a reference line (the pool, the budget).
    Short,
}

const DASHES: [Dash; 3] = [Dash::Solid, Dash::Dashed, Dash::Dotted];

/// The look of the `index`-th scenario: colour and dash both change from one scenario to the
/// next, and no two of the first 21 look alike.
pub fn style_of(index: usize) -> ([u8; 3], Dash) {
    (PALETTE[index % PALETTE.len()], DASHES[index % DASHES.len()])
}

/// A series' colour: one of the palette's, or the colour of text (black on a light
/// background, near-white on a dark one) for reference lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    Rgb([u8; 3]),
    Ink,
}

/// Orange, sky blue, green, yellow, blue, vermilion and purple of the palette, by name.
const BLUE: Colour = Colour::Rgb(PALETTE[0]);
const ORANGE: Colour = Colour::Rgb(PALETTE[1]);
const GREEN: Colour = Colour::Rgb(PALETTE[2]);
const VERMILION: Colour = Colour::Rgb(PALETTE[3]);
const PURPLE: Colour = Colour::Rgb(PALETTE[4]);
const SKY_BLUE: Colour = Colour::Rgb(PALETTE[5]);
const YELLOW: Colour = Colour::Rgb(PALETTE[6]);

/// A colour per payer, fixed so that a payer keeps its colour in every chart.
pub fn payer_colour(kind: PayerKind) -> Colour {
    match kind {
        PayerKind::ApbdKabKota => BLUE,
        PayerKind::ApbdProvinsi => ORANGE,
        PayerKind::ApbDesa => GREEN,
        PayerKind::DbhCht => VERMILION,
        PayerKind::Csr => SKY_BLUE,
        PayerKind::Baznas => PURPLE,
        PayerKind::Lainnya => YELLOW,
    }
}

/// The marker at each year of an overlay's line, differing by shape as the lines differ by
/// dash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Diamond,
}

const MARKERS: [Marker; 3] = [Marker::Circle, Marker::Square, Marker::Diamond];

/// How a series is drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A line through the years' values, `width` points wide.
    Line {
        width: f32,
        dash: Dash,
        marker: Option<Marker>,
    },
    /// A bar a year, stacked on the chart's earlier bars (parts of a whole).
    Bars,
    /// A shaded band from the points' values up to `upper` (a value per point).
    Band { upper: Vec<f64> },
    /// A level across the whole chart (a target) at the value of the series' one point.
    Level,
}

/// One series of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The legend's name.
    pub name: String,
    /// (year, value) for every year the series has.
    pub points: Vec<[f64; 2]>,
    pub colour: Colour,
    pub mark: Mark,
}

impl Series {
    fn line(name: String, points: Vec<[f64; 2]>, colour: Colour, width: f32, dash: Dash) -> Self {
        Self {
            name,
            points,
            colour,
            mark: Mark::Line {
                width,
                dash,
                marker: None,
            },
        }
    }
}

/// The corner of the plot that holds the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Corner {
    LeftTop,
    RightTop,
    LeftBottom,
    RightBottom,
}

/// What an overlay chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

/// One part of stacked bars: its name's key, its colour and its value in a year.
type BarPart = (&'static str, Colour, fn(&YearResult) -> f64);

/// Room above the tallest bar for the legend in the top-left corner.
const LEGEND_HEADROOM: f64 = 1.5;

/// A chart: its key (stable, for the plot's identity), title, value axis (label, unit, least
/// reach), legend corner, series, and a note for a chart with nothing to show.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub key: &'static str,
    /// Above the chart; the two charts of a tab go without (the tab names them).
    pub title: Option<String>,
    pub y_label: String,
    pub unit: Unit,
    pub series: Vec<Series>,
    pub legend: Corner,
    /// The value axis reaches at least this far (100% for shares; room for the legend above
    /// bars).
    pub include_y: Option<f64>,
    pub note: Option<String>,
}

impl ChartSpec {
    fn new(key: &'static str, y_label_key: &str, unit: Unit, lang: Lang) -> Self {
        Self {
            key,
            title: None,
            y_label: lang.tr(y_label_key),
            unit,
            series: Vec::new(),
            legend: Corner::RightBottom,
            include_y: None,
            note: None,
        }
    }

    /// Every scenario's line of `overlay` in `scope` (a scenario without the region has no
    /// line), the baseline drawn thicker.
    pub fn overlay(
        overlay: Overlay,
        entries: &[Entry<'_>],
        baseline: usize,
        scope: &Scope,
        lang: Lang,
    ) -> Self {
        let measure = overlay.measure();
        let y_label = match measure.unit() {
            Unit::Rupiah => "ui.axis.rupiah",
            _ => "ui.axis.workers",
        };
        let mut chart = Self::new("overlay", y_label, measure.unit(), lang);
        chart.title = Some(lang.tr(overlay.title_key()));
        chart.series = entries
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                let rows = scope.rows(entry)?;
                let (colour, dash) = style_of(index);
                Some(Series {
                    name: entry.title.to_owned(),
                    points: points(rows, |r| measure.value(r).number()),
                    colour: Colour::Rgb(colour),
                    mark: Mark::Line {
                        width: if index == baseline { 4.0 } else { 2.5 },
                        dash,
                        marker: Some(MARKERS[index % MARKERS.len()]),
                    },
                })
            })
            .collect();
        chart.legend = chart.emptiest_corner(0.0);
        chart
    }

    /// The coverage tab: members against the pool, and UCJ and coverage in percent against
    /// the UCJ target (`target_pct`, 0 for none).
    pub fn coverage(rows: &[YearResult], target_pct: f64, lang: Lang) -> [Self; 2] {
        let mut people = Self::new("coverage_people", "ui.axis.workers", Unit::People, lang);
        people.series = vec![
            Series::line(
                lang.tr("ui.series.pool"),
                points(rows, |r| Some(r.pool as f64)),
                Colour::Ink,
                2.0,
                Dash::Short,
            ),
            Series::line(
                lang.tr("ui.series.enrolled_end"),
                points(rows, |r| Some(r.enrolled_end as f64)),
                BLUE,
                3.0,
                Dash::Solid,
            ),
            Series::line(
                lang.tr("ui.series.enrolled_avg"),
                points(rows, |r| Some(r.enrolled_avg)),
                SKY_BLUE,
                2.0,
                Dash::Solid,
            ),
        ];
        people.legend = people.emptiest_corner(0.0);

        let mut shares = Self::new("coverage_pct", "ui.axis.percent", Unit::Percent, lang);
        shares.series = vec![
            Series::line(
                lang.tr("ui.series.ucj"),
                points(rows, |r| Some(r.ucj_pct())),
                VERMILION,
                3.0,
                Dash::Solid,
            ),
            Series::line(
                lang.tr("ui.series.coverage"),
                points(rows, |r| Some(r.coverage_pct())),
                GREEN,
                2.0,
                Dash::Solid,
            ),
        ];
        let legend_top = 100.0;
        if target_pct > 0.0 {
            shares.series.push(Series {
                name: lang.tr("ui.series.ucj_target"),
                points: points(rows, |_| Some(target_pct)),
                colour: Colour::Ink,
                mark: Mark::Level,
            });
        }
        shares.include_y = Some(100.0);
        shares.legend = shares.emptiest_corner(legend_top);
        [people, shares]
    }

    /// The budget tab: contributions by payer as stacked bars (with the budget in the
    /// budget-cap direction), and the share of APBD.
    pub fn budget(rows: &[YearResult], direction: Direction, lang: Lang) -> [Self; 2] {
        let mut cost = Self::new("budget", "ui.axis.rupiah", Unit::Rupiah, lang);
        cost.series = PayerKind::ALL
            .into_iter()
            .filter(|&kind| rows.iter().any(|r| r.cost_of(kind) != 0))
            .map(|kind| Series {
                name: lang.tr(&format!("ui.payer.{}", kind.id())),
                points: points(rows, |r| Some(r.cost_of(kind) as f64)),
                colour: payer_colour(kind),
                mark: Mark::Bars,
            })
            .collect();
        if direction == Direction::BudgetCap {
            cost.series.push(Series::line(
                lang.tr("ui.series.budget"),
                points(rows, |r| Some(r.budget.unwrap_or(0) as f64)),
                Colour::Ink,
                2.0,
                Dash::Short,
            ));
        }
        let tallest = rows
            .iter()
            .map(|r| r.cost_total.max(r.budget.unwrap_or(0)))
            .max()
            .unwrap_or(0);
        cost.include_y = Some(tallest as f64 * LEGEND_HEADROOM);
        cost.legend = Corner::LeftTop;

        let mut share = Self::new("apbd_share", "ui.axis.percent", Unit::Percent, lang);
        share.series = vec![Series::line(
            lang.tr("ui.series.apbd_share"),
            points(rows, YearResult::apbd_share_pct),
            BLUE,
            3.0,
            Dash::Solid,
        )];
        if rows.iter().all(|r| r.apbd_share_pct().is_none()) {
            share.note = Some(lang.tr("ui.chart.no_apbd"));
        }
        [cost, share]
    }

    /// The protection tab: deaths among members (expected, with the 90% range, JKM and work
    /// accidents), and benefits reaching families as stacked bars.
    pub fn protection(rows: &[YearResult], lang: Lang) -> [Self; 2] {
        let mut deaths = Self::new("deaths", "ui.axis.deaths", Unit::People, lang);
        let (low, high): (Vec<f64>, Vec<f64>) = rows.iter().map(|r| r.deaths_range()).unzip();
        deaths.series = vec![
            Series {
                name: lang.tr("ui.series.deaths_range"),
                points: rows
                    .iter()
                    .zip(&low)
                    .map(|(r, low)| [f64::from(r.year), *low])
                    .collect(),
                colour: SKY_BLUE,
                mark: Mark::Band { upper: high },
            },
            Series::line(
                lang.tr("ui.series.deaths"),
                points(rows, |r| Some(r.deaths_expected)),
                Colour::Ink,
                3.0,
                Dash::Solid,
            ),
            Series::line(
                lang.tr("ui.series.jkm_deaths"),
                points(rows, |r| Some(r.jkm_deaths)),
                BLUE,
                2.0,
                Dash::Solid,
            ),
            Series::line(
                lang.tr("ui.series.jkk_deaths"),
                points(rows, |r| Some(r.jkk_deaths)),
                VERMILION,
                2.0,
                Dash::Solid,
            ),
        ];
        deaths.legend = deaths.emptiest_corner(0.0);

        let mut benefits = Self::new("benefits", "ui.axis.rupiah", Unit::Rupiah, lang);
        let parts: [BarPart; 3] = [
            ("ui.series.death_benefits", BLUE, |r| r.death_benefits),
            ("ui.series.accident_benefits", ORANGE, |r| {
                r.accident_benefits
            }),
            ("ui.series.scholarships", GREEN, |r| r.scholarships_paid),
        ];
        benefits.series = parts
            .into_iter()
            .map(|(key, colour, value)| Series {
                name: lang.tr(key),
                points: points(rows, |r| Some(value(r))),
                colour,
                mark: Mark::Bars,
            })
            .collect();
        let tallest = rows
            .iter()
            .map(YearResult::benefits_paid)
            .fold(0.0, f64::max);
        benefits.include_y = Some(tallest * LEGEND_HEADROOM);
        benefits.legend = Corner::LeftTop;
        [deaths, benefits]
    }

    /// The corner of the plot where the series pass least (the legend goes there), on a
    /// value axis from 0 to the highest value or `least_top`: every line and level, and
    /// both edges of a band.
    fn emptiest_corner(&self, least_top: f64) -> Corner {
        let lines: Vec<Vec<[f64; 2]>> = self
            .series
            .iter()
            .flat_map(|s| {
                let upper = match &s.mark {
                    Mark::Band { upper } => Some(
                        s.points
                            .iter()
                            .zip(upper)
                            .map(|(p, upper)| [p[0], *upper])
                            .collect(),
                    ),
                    _ => None,
                };
                std::iter::once(s.points.clone()).chain(upper)
            })
            .collect();
        emptiest_corner(&lines, least_top)
    }
}

/// The corner where `lines` ((year, value) points each) pass least, the top corners first
/// when it is a tie, on a value axis from 0 to the highest value or `least_top`.
fn emptiest_corner(lines: &[Vec<[f64; 2]>], least_top: f64) -> Corner {
    let (first, last) = lines
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(first, last), p| {
            (first.min(p[0]), last.max(p[0]))
        });
    if first > last {
        return Corner::RightBottom;
    }
    let span = (last - first).max(1.0);
    let top = lines
        .iter()
        .flatten()
        .fold(least_top, |top, p| top.max(p[1]))
        .max(f64::MIN_POSITIVE);
    // Points along every line, ten per year, as (x, y) shares of the plot.
    let mut along = Vec::new();
    for line in lines {
        for pair in line.windows(2) {
            for step in 0..10 {
                let t = f64::from(step) / 10.0;
                let x = pair[0][0] + (pair[1][0] - pair[0][0]) * t;
                let y = pair[0][1] + (pair[1][1] - pair[0][1]) * t;
                along.push(((x - first) / span, y / top));
            }
        }
    }
    let crowd = |left: bool, upper: bool| {
        along
            .iter()
            .filter(|(x, y)| {
                (if left { *x < 0.4 } else { *x > 0.6 })
                    && (if upper { *y > 0.6 } else { *y < 0.4 })
            })
            .count()
    };
    [
        (Corner::LeftTop, crowd(true, true)),
        (Corner::RightTop, crowd(false, true)),
        (Corner::LeftBottom, crowd(true, false)),
        (Corner::RightBottom, crowd(false, false)),
    ]
    .into_iter()
    .min_by_key(|(_, count)| *count)
    .map_or(Corner::RightBottom, |(corner, _)| corner)
}

/// (year, value) of every year that has a value.
fn points(rows: &[YearResult], value: impl Fn(&YearResult) -> Option<f64>) -> Vec<[f64; 2]> {
    rows.iter()
        .filter_map(|r| Some([f64::from(r.year), value(r)?]))
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
}
