//! The chart tabs: coverage, budget by payer, and protection reaching families. Colours are
//! the Okabe–Ito palette (safe for colour-blind readers, readable in print); every chart has
//! a legend, axis labels with units, and hover labels in Rupiah, people or percent.

use std::ops::RangeInclusive;

use egui::Color32;
use egui_plot::{
    Bar, BarChart, Corner, FilledArea, GridMark, HLine, HoverPosition, Legend, Line, LineStyle,
    Plot, PlotPoints, VLine,
};

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::{Direction, PayerKind, Sourced};
use crate::model::{Projection, YearResult};

use super::editor::fields::{NumberKind, number_from_text};
use super::editor::payer_name;

/// Okabe–Ito colours, in their usual order (black last, drawn light on a dark background).
const ORANGE: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
const SKY_BLUE: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
const GREEN: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
const YELLOW: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
const BLUE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
const VERMILION: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
const PURPLE: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);

/// Room above the tallest bar for the legend in the top-left corner.
const LEGEND_HEADROOM: f64 = 1.5;

/// A colour per payer, fixed so that a payer keeps its colour in every chart.
fn payer_color(kind: PayerKind) -> Color32 {
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

/// Black in light mode, near-white in dark mode.
fn ink(ui: &egui::Ui) -> Color32 {
    ui.visuals().strong_text_color()
}

/// Which unit a chart's values are in, for axis ticks and hover labels.
#[derive(Clone, Copy)]
enum Unit {
    Rupiah,
    People,
    Percent,
}

impl Unit {
    /// Room for the widest tick label ("Rp100 miliar", "100.000", "100,0%").
    fn axis_width(self) -> f32 {
        match self {
            Unit::Rupiah => 84.0,
            Unit::People => 56.0,
            Unit::Percent => 48.0,
        }
    }

    /// An axis tick: none below zero (no chart has negative money, people or shares, only
    /// the plot's margin does) and, for people, none between whole workers.
    /// A share's tick has as many decimals as the grid step needs, so neighbouring ticks
    /// never read the same (0,15% 0,20%, not 0,2% 0,2%).
    fn tick(self, value: f64, step: f64, lang: Lang) -> String {
        let fractional_people = matches!(self, Unit::People) && value.fract().abs() > 1e-9;
        if value < -1e-9 || fractional_people {
            return String::new();
        }
        match self {
            Unit::Percent => {
                let for_step = if step > 0.0 {
                    (-step.log10()).ceil().max(0.0) as usize
                } else {
                    0
                };
                let decimals = format::percent_decimals(value).max(for_step).min(4);
                format!("{}%", format::decimal(value.max(0.0), decimals, lang))
            }
            _ => self.format(value.max(0.0), lang),
        }
    }

    fn format(self, value: f64, lang: Lang) -> String {
        match self {
            Unit::Rupiah => format::rupiah_short(value, lang),
            Unit::People => format::people(value, lang),
            Unit::Percent => format::percent(value, lang),
        }
    }
}

/// A plot with year ticks, labelled axes, a legend and hover labels in `unit`.
fn plot<'a>(
    id: &str,
    y_label: String,
    unit: Unit,
    lang: Lang,
    height: f32,
    legend: Corner,
) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .legend(Legend::default().position(legend))
        .y_axis_min_width(unit.axis_width())
        .x_axis_label(lang.tr("ui.axis.year"))
        .y_axis_label(y_label)
        .x_axis_formatter(|mark: GridMark, _: &RangeInclusive<f64>| year_tick(mark.value))
        .y_grid_spacer(egui_plot::uniform_grid_spacer(round_steps))
        .y_axis_formatter(move |mark: GridMark, _: &RangeInclusive<f64>| {
            unit.tick(mark.value, mark.step_size, lang)
        })
        .label_formatter(move |position: &HoverPosition<'_>| match position {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {}",
                year_tick(position.x),
                unit.format(position.y, lang)
            )),
            HoverPosition::Elsewhere { .. } => None,
        })
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .link_axis(egui::Id::unique("lindung_years"), [true, false])
}

/// Grid steps of 1, 2 or 5 × 10^k giving about five labelled lines over the visible range,
/// so a Rupiah axis reads Rp0, Rp20 miliar, Rp40 miliar … instead of one lonely label.
fn round_steps(input: egui_plot::GridInput) -> [f64; 3] {
    let span = (input.bounds.1 - input.bounds.0).abs().max(1e-9);
    let raw = span / 5.0;
    let magnitude = 10_f64.powf(raw.log10().floor());
    let large = magnitude
        * match raw / magnitude {
            n if n < 1.5 => 1.0,
            n if n < 3.5 => 2.0,
            n if n < 7.5 => 5.0,
            _ => 10.0,
        };
    [large / 10.0, large / 2.0, large]
}

/// Reads one figure of a year.
type Series = fn(&YearResult) -> f64;

/// An opaque bar with an outline, readable on a projector and in print.
fn solid_bar(year: i32, value: f64, name: &str, color: Color32) -> Bar {
    Bar::new(f64::from(year), value)
        .name(name)
        .width(0.6)
        .fill(color)
        .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.6)))
}

fn year_tick(value: f64) -> String {
    if (value - value.round()).abs() < 1e-6 {
        format!("{}", value.round())
    } else {
        String::new()
    }
}

fn points(rows: &[YearResult], y: impl Fn(&YearResult) -> f64) -> PlotPoints<'static> {
    rows.iter().map(|r| [f64::from(r.year), y(r)]).collect()
}

/// The chosen year as a light band across the chart (not a line that reads as the grid).
fn chosen_year_line(year: i32, color: Color32, lang: Lang) -> VLine {
    VLine::new(lang.tr("ui.chart.chosen_year"), f64::from(year))
        .color(color.gamma_multiply(0.3))
        .width(12.0)
}

/// The corner of a line chart where the lines pass least (the legend goes there): each
/// series' values by year, on an axis from 0 to `top`. The top corners are preferred.
fn emptiest_corner(years: &[f64], series: &[Vec<f64>], top: f64) -> Corner {
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Corner::RightBottom;
    };
    let span = (last - first).max(1.0);
    let top = top.max(f64::MIN_POSITIVE);
    // Points along every line, ten per year, as (x, y) shares of the plot.
    let mut points = Vec::new();
    for values in series {
        for (pair, x) in values.windows(2).zip(years.windows(2)) {
            for step in 0..10 {
                let t = f64::from(step) / 10.0;
                let x = x[0] + (x[1] - x[0]) * t;
                let y = pair[0] + (pair[1] - pair[0]) * t;
                points.push(((x - first) / span, y / top));
            }
        }
    }
    let crowd = |left: bool, upper: bool| {
        points
            .iter()
            .filter(|(x, y)| {
                (if left { *x < 0.4 } else { *x > 0.6 })
                    && (if upper { *y > 0.55 } else { *y < 0.45 })
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

/// Half of the space left, for two charts one above the other.
fn half_height(ui: &egui::Ui) -> f32 {
    ((ui.available_height() - 24.0) / 2.0).max(140.0)
}

/// From this width the two charts of a tab stand side by side, each as tall as the space left.
const SIDE_BY_SIDE_WIDTH: f32 = 1200.0;

/// A tab's two charts: side by side on a wide screen, one above the other otherwise.
fn two_charts(
    ui: &mut egui::Ui,
    first: impl FnOnce(&mut egui::Ui, f32),
    second: impl FnOnce(&mut egui::Ui, f32),
) {
    if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
        let height = (ui.available_height() - 12.0).max(280.0);
        ui.columns(2, |columns| {
            first(&mut columns[0], height);
            second(&mut columns[1], height);
        });
    } else {
        let height = half_height(ui);
        first(ui, height);
        second(ui, height);
    }
}

pub fn coverage_ui(
    ui: &mut egui::Ui,
    rows: &[YearResult],
    chosen_year: i32,
    ucj_target: Option<&Sourced<f64>>,
    lang: Lang,
) -> Option<Option<Sourced<f64>>> {
    // The target is part of the scenario (saved, undoable); 0 means none.
    let mut value = ucj_target.map_or(0.0, |t| t.value);
    let before = value;
    ui.horizontal(|ui| {
        let help = match ucj_target {
            Some(target) if !target.source.is_empty() => {
                format!("{}\n{}", lang.tr("ui.chart.ucj_target_help"), target.source)
            }
            _ => lang.tr("ui.chart.ucj_target_help"),
        };
        let label = ui.label(lang.tr("ui.chart.ucj_target")).on_hover_text(help);
        ui.add(
            egui::DragValue::new(&mut value)
                .range(0.0..=100.0)
                .speed(0.5)
                .custom_formatter(move |v, _| format::decimal(v, 1, lang))
                .custom_parser(move |t| number_from_text(t, lang, NumberKind::Decimal))
                .suffix(" %"),
        )
        .labelled_by(label.id);
    });
    let ink = ink(ui);
    let weak = ui.visuals().weak_text_color();
    let years: Vec<f64> = rows.iter().map(|r| f64::from(r.year)).collect();
    let people = [
        rows.iter().map(|r| r.pool as f64).collect::<Vec<_>>(),
        rows.iter().map(|r| r.enrolled_end as f64).collect(),
        rows.iter().map(|r| r.enrolled_avg).collect(),
    ];
    let most = people.iter().flatten().fold(0.0_f64, |a, b| a.max(*b));
    let first = |ui: &mut egui::Ui, height: f32| {
        plot(
            "coverage_people",
            lang.tr("ui.axis.workers"),
            Unit::People,
            lang,
            height,
            emptiest_corner(&years, &people, most),
        )
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new(lang.tr("ui.series.pool"), points(rows, |r| r.pool as f64))
                    .color(ink)
                    .style(LineStyle::dashed_dense())
                    .width(2.0),
            );
            plot_ui.line(
                Line::new(
                    lang.tr("ui.series.enrolled_end"),
                    points(rows, |r| r.enrolled_end as f64),
                )
                .color(BLUE)
                .width(3.0),
            );
            plot_ui.line(
                Line::new(
                    lang.tr("ui.series.enrolled_avg"),
                    points(rows, |r| r.enrolled_avg),
                )
                .color(SKY_BLUE)
                .width(2.0),
            );
            plot_ui.vline(chosen_year_line(chosen_year, weak, lang));
        });
    };
    let second = |ui: &mut egui::Ui, height: f32| {
        let shares = [
            rows.iter().map(YearResult::ucj_pct).collect::<Vec<_>>(),
            rows.iter().map(YearResult::coverage_pct).collect(),
            vec![value; rows.len()],
        ];
        let highest = shares.iter().flatten().fold(100.0_f64, |a, b| a.max(*b));
        plot(
            "coverage_pct",
            lang.tr("ui.axis.percent"),
            Unit::Percent,
            lang,
            height,
            emptiest_corner(&years, &shares, highest),
        )
        .include_y(100.0)
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new(lang.tr("ui.series.ucj"), points(rows, YearResult::ucj_pct))
                    .color(VERMILION)
                    .width(3.0),
            );
            plot_ui.line(
                Line::new(
                    lang.tr("ui.series.coverage"),
                    points(rows, YearResult::coverage_pct),
                )
                .color(GREEN)
                .width(2.0),
            );
            if value > 0.0 {
                plot_ui.hline(
                    HLine::new(lang.tr("ui.series.ucj_target"), value)
                        .color(ink)
                        .style(LineStyle::dashed_loose()),
                );
            }
        });
    };
    two_charts(ui, first, second);
    (value != before).then(|| {
        (value > 0.0).then(|| Sourced {
            value,
            source: ucj_target.map(|t| t.source.clone()).unwrap_or_default(),
        })
    })
}

pub fn budget_ui(
    ui: &mut egui::Ui,
    rows: &[YearResult],
    chosen_year: i32,
    direction: Direction,
    lang: Lang,
) {
    let ink = ink(ui);
    let weak = ui.visuals().weak_text_color();
    let tallest = rows
        .iter()
        .map(|r| r.cost_total.max(r.budget.unwrap_or(0)))
        .max()
        .unwrap_or(0);
    let first = |ui: &mut egui::Ui, height: f32| {
        plot(
            "budget",
            lang.tr("ui.axis.rupiah"),
            Unit::Rupiah,
            lang,
            height,
            Corner::LeftTop,
        )
        .include_y(tallest as f64 * LEGEND_HEADROOM)
        .show(ui, |plot_ui| {
            let mut stacked: Vec<BarChart> = Vec::new();
            for kind in PayerKind::ALL {
                if rows.iter().all(|r| r.cost_of(kind) == 0) {
                    continue;
                }
                let name = payer_name(kind, lang);
                let bars = rows
                    .iter()
                    .map(|r| solid_bar(r.year, r.cost_of(kind) as f64, &name, payer_color(kind)))
                    .collect();
                let chart = BarChart::new(name, bars)
                    .color(payer_color(kind))
                    .element_formatter(Box::new(move |bar: &Bar, _: &BarChart| {
                        format!(
                            "{}\n{}: {}",
                            bar.name,
                            year_tick(bar.argument),
                            format::rupiah(bar.value, lang)
                        )
                    }));
                let below: Vec<&BarChart> = stacked.iter().collect();
                let chart = chart.stack_on(&below);
                stacked.push(chart);
            }
            for chart in stacked {
                plot_ui.bar_chart(chart);
            }
            if direction == Direction::BudgetCap {
                plot_ui.line(
                    Line::new(
                        lang.tr("ui.series.budget"),
                        points(rows, |r| r.budget.unwrap_or(0) as f64),
                    )
                    .color(ink)
                    .style(LineStyle::dashed_dense())
                    .width(2.0),
                );
            }
            plot_ui.vline(chosen_year_line(chosen_year, weak, lang));
        });
    };
    let second = |ui: &mut egui::Ui, height: f32| {
        plot(
            "apbd_share",
            lang.tr("ui.axis.percent"),
            Unit::Percent,
            lang,
            height,
            Corner::RightBottom,
        )
        .show(ui, |plot_ui| {
            let shares: Vec<[f64; 2]> = rows
                .iter()
                .filter_map(|r| r.apbd_share_pct().map(|s| [f64::from(r.year), s]))
                .collect();
            plot_ui.line(
                Line::new(lang.tr("ui.series.apbd_share"), PlotPoints::from(shares))
                    .color(BLUE)
                    .width(3.0),
            );
        });
    };
    two_charts(ui, first, second);
    if rows.iter().all(|r| r.apbd_share_pct().is_none()) {
        ui.weak(lang.tr("ui.chart.no_apbd"));
    }
}

pub fn protection_ui(
    ui: &mut egui::Ui,
    rows: &[YearResult],
    chosen_year: i32,
    projection: &Projection,
    scholarships_after_horizon: f64,
    lang: Lang,
) {
    ui.label(lang.tr_args(
        "ui.chart.poverty_months",
        &format::poverty_month_args(projection, lang),
    ));
    if let Some(last) = rows.last()
        && scholarships_after_horizon > 0.0
    {
        ui.label(lang.tr_args(
            "scholarships_after",
            &[
                ("year", last.year.to_string()),
                (
                    "amount",
                    format::rupiah_short(scholarships_after_horizon, lang),
                ),
            ],
        ));
    }
    if let Some(calibration) = &projection.calibration {
        ui.label(format::calibration_text(calibration, lang));
    }
    let ink = ink(ui);
    let weak = ui.visuals().weak_text_color();
    let years: Vec<f64> = rows.iter().map(|r| f64::from(r.year)).collect();
    let deaths = [
        rows.iter().map(|r| r.deaths_range().1).collect::<Vec<_>>(),
        rows.iter().map(|r| r.deaths_expected).collect(),
        rows.iter().map(|r| r.deaths_range().0).collect(),
        rows.iter().map(|r| r.jkm_deaths).collect(),
        rows.iter().map(|r| r.jkk_deaths).collect(),
    ];
    let most = deaths.iter().flatten().fold(0.0_f64, |a, b| a.max(*b));
    let first = |ui: &mut egui::Ui, height: f32| {
        plot(
            "deaths",
            lang.tr("ui.axis.deaths"),
            Unit::People,
            lang,
            height,
            emptiest_corner(&years, &deaths, most),
        )
        .show(ui, |plot_ui| {
            let xs: Vec<f64> = rows.iter().map(|r| f64::from(r.year)).collect();
            let (low, high): (Vec<f64>, Vec<f64>) = rows.iter().map(|r| r.deaths_range()).unzip();
            plot_ui.add(
                FilledArea::new(lang.tr("ui.series.deaths_range"), &xs, &low, &high)
                    .fill_color(SKY_BLUE.gamma_multiply(0.35)),
            );
            plot_ui.line(
                Line::new(
                    lang.tr("ui.series.deaths"),
                    points(rows, |r| r.deaths_expected),
                )
                .color(ink)
                .width(3.0),
            );
            plot_ui.line(
                Line::new(
                    lang.tr("ui.series.jkm_deaths"),
                    points(rows, |r| r.jkm_deaths),
                )
                .color(BLUE)
                .width(2.0),
            );
            plot_ui.line(
                Line::new(
                    lang.tr("ui.series.jkk_deaths"),
                    points(rows, |r| r.jkk_deaths),
                )
                .color(VERMILION)
                .width(2.0),
            );
            plot_ui.vline(chosen_year_line(chosen_year, weak, lang));
        });
    };
    let second = |ui: &mut egui::Ui, height: f32| {
        let tallest = rows
            .iter()
            .map(YearResult::benefits_paid)
            .fold(0.0, f64::max);
        plot(
            "benefits",
            lang.tr("ui.axis.rupiah"),
            Unit::Rupiah,
            lang,
            height,
            Corner::LeftTop,
        )
        .include_y(tallest * LEGEND_HEADROOM)
        .show(ui, |plot_ui| {
            let series: [(&str, Color32, Series); 3] = [
                ("ui.series.death_benefits", BLUE, |r| r.death_benefits),
                ("ui.series.accident_benefits", ORANGE, |r| {
                    r.accident_benefits
                }),
                ("ui.series.scholarships", GREEN, |r| r.scholarships_paid),
            ];
            let mut stacked: Vec<BarChart> = Vec::new();
            for (key, color, value) in series {
                let name = lang.tr(key);
                let bars = rows
                    .iter()
                    .map(|r| solid_bar(r.year, value(r), &name, color))
                    .collect();
                let below: Vec<&BarChart> = stacked.iter().collect();
                let chart = BarChart::new(name, bars)
                    .color(color)
                    .element_formatter(Box::new(move |bar: &Bar, _: &BarChart| {
                        format!(
                            "{}\n{}: {}",
                            bar.name,
                            year_tick(bar.argument),
                            format::rupiah(bar.value, lang)
                        )
                    }))
                    .stack_on(&below);
                stacked.push(chart);
            }
            for chart in stacked {
                plot_ui.bar_chart(chart);
            }
        });
    };
    two_charts(ui, first, second);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_goes_where_the_lines_are_not() {
        let years = [2026.0, 2027.0, 2028.0, 2029.0, 2030.0];
        // Rising lines leave the top left empty.
        let rising = [vec![10.0, 30.0, 50.0, 70.0, 90.0]];
        assert!(matches!(
            emptiest_corner(&years, &rising, 100.0),
            Corner::LeftTop
        ));
        // Falling lines leave the top right empty.
        let falling = [vec![90.0, 70.0, 50.0, 30.0, 10.0]];
        assert!(matches!(
            emptiest_corner(&years, &falling, 100.0),
            Corner::RightTop
        ));
        // Flat lines high up leave the bottom free.
        let high = [vec![90.0; 5]];
        assert!(matches!(
            emptiest_corner(&years, &high, 100.0),
            Corner::LeftBottom
        ));
    }

    #[test]
    fn axes_never_show_negative_or_fractional_people() {
        assert_eq!(Unit::Rupiah.tick(-2.0, 1.0, Lang::Id), "");
        assert_eq!(Unit::People.tick(-1.0, 1.0, Lang::Id), "");
        assert_eq!(Unit::People.tick(0.5, 0.5, Lang::Id), "");
        assert_eq!(Unit::People.tick(2.0, 1.0, Lang::Id), "2");
        assert_eq!(Unit::Percent.tick(0.0, 10.0, Lang::Id), "0,0%");
    }

    #[test]
    fn share_ticks_are_never_the_same_twice() {
        // Ticks 0,05 apart: 0,15% and 0,20%, not 0,2% twice.
        let ticks: Vec<String> = [0.10, 0.15, 0.20]
            .iter()
            .map(|v| Unit::Percent.tick(*v, 0.05, Lang::Id))
            .collect();
        assert_eq!(ticks, ["0,10%", "0,15%", "0,20%"]);
        assert_eq!(Unit::Percent.tick(20.0, 10.0, Lang::Id), "20,0%");
    }
}
