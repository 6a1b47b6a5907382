//! Charts as data: what is drawn (series of points, their unit, colour and mark: a line, a
//! stacked bar, a band or a level), where the legend goes and how far the value axis reaches.
//! The two charts of each tab (coverage, budget, protection) are built from one projection;
//! an overlay from several, so that scenarios share the same axes. The screen, the exported
//! PNG and the PDF draw a [`ChartSpec`] with egui_plot (`ui::charts`), the only code that
//! knows egui_plot.

use crate::i18n::Lang;
use crate::model::YearResult;
use crate::model::plan::PayerKind;

use super::compare::{Entry, Scope};
use super::table::{Measure, Unit};

mod corner;
mod tabs;
#[cfg(test)]
mod tests;

use corner::emptiest_corner;

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

/// (year, value) of every year that has a value.
fn points(rows: &[YearResult], value: impl Fn(&YearResult) -> Option<f64>) -> Vec<[f64; 2]> {
    rows.iter()
        .filter_map(|r| Some([f64::from(r.year), value(r)?]))
        .collect()
}
