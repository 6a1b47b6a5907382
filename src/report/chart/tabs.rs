//! The two charts of each tab of one scenario's results: coverage, budget and protection.

use crate::i18n::Lang;
use crate::model::YearResult;
use crate::model::plan::{Direction, PayerKind};

use super::{
    BLUE, ChartSpec, Colour, Corner, Dash, GREEN, Mark, ORANGE, SKY_BLUE, Series, Unit, VERMILION,
    payer_colour, points,
};

/// One part of stacked bars: its name's key, its colour and its value in a year.
type BarPart = (&'static str, Colour, fn(&YearResult) -> f64);

/// Room above the tallest bar for the legend in the top-left corner.
const LEGEND_HEADROOM: f64 = 1.5;

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

/// A solid line: its name's key, its value in a year, its colour and its width.
type SolidLine = (&'static str, fn(&YearResult) -> f64, Colour, f32);

/// Solid lines, each from its name's key, its value in a year, its colour and its width.
fn solid_lines(rows: &[YearResult], lang: Lang, lines: &[SolidLine]) -> Vec<Series> {
    lines
        .iter()
        .map(|&(key, value, colour, width)| {
            Series::line(
                lang.tr(key),
                points(rows, |r| Some(value(r))),
                colour,
                width,
                Dash::Solid,
            )
        })
        .collect()
}

impl ChartSpec {
    /// The coverage tab: members against the pool, and UCJ and coverage in percent against
    /// the UCJ target (`target_pct`, 0 for none).
    pub fn coverage(rows: &[YearResult], target_pct: f64, lang: Lang) -> [Self; 2] {
        let mut people = Self::new("coverage_people", "ui.axis.workers", Unit::People, lang);
        people.series = vec![Series::line(
            lang.tr("ui.series.pool"),
            points(rows, |r| Some(r.pool as f64)),
            Colour::Ink,
            2.0,
            Dash::Short,
        )];
        people.series.extend(solid_lines(
            rows,
            lang,
            &[
                (
                    "ui.series.enrolled_end",
                    |r| r.enrolled_end as f64,
                    BLUE,
                    3.0,
                ),
                ("ui.series.enrolled_avg", |r| r.enrolled_avg, SKY_BLUE, 2.0),
            ],
        ));
        people.legend = people.emptiest_corner(0.0);

        let mut shares = Self::new("coverage_pct", "ui.axis.percent", Unit::Percent, lang);
        shares.series = solid_lines(
            rows,
            lang,
            &[
                ("ui.series.ucj", YearResult::ucj_pct, VERMILION, 3.0),
                ("ui.series.coverage", YearResult::coverage_pct, GREEN, 2.0),
            ],
        );
        if target_pct > 0.0 {
            shares.series.push(Series {
                name: lang.tr("ui.series.ucj_target"),
                points: points(rows, |_| Some(target_pct)),
                colour: Colour::Ink,
                mark: Mark::Level,
            });
        }
        shares.include_y = Some(100.0);
        shares.legend = shares.emptiest_corner(100.0);
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
        deaths.series = vec![Series {
            name: lang.tr("ui.series.deaths_range"),
            points: rows
                .iter()
                .zip(&low)
                .map(|(r, low)| [f64::from(r.year), *low])
                .collect(),
            colour: SKY_BLUE,
            mark: Mark::Band { upper: high },
        }];
        deaths.series.extend(solid_lines(
            rows,
            lang,
            &[
                ("ui.series.deaths", |r| r.deaths_expected, Colour::Ink, 3.0),
                ("ui.series.jkm_deaths", |r| r.jkm_deaths, BLUE, 2.0),
                ("ui.series.jkk_deaths", |r| r.jkk_deaths, VERMILION, 2.0),
            ],
        ));
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
}
