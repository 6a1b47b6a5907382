//! The chart tabs: coverage, budget by payer, and protection reaching families. Colours are
//! the Okabe–Ito palette (safe for colour-blind readers, readable in print); every chart has
//! a legend, axis labels with units, and hover labels in Rupiah, people or percent.

use egui::Color32;
use egui_plot::{Corner, FilledArea, HLine, Line, LineStyle, PlotPoints};

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::{Direction, PayerKind, Sourced};
use crate::model::{Projection, YearResult};

use super::editor::fields::{NumberKind, number_from_text};
use super::editor::payer_name;

mod overlay;
mod plot;

pub use overlay::overlay_ui;
pub use plot::fill_fixed_page;
use plot::*;

pub fn coverage_ui(
    ui: &mut egui::Ui,
    rows: &[YearResult],
    chosen_year: Option<i32>,
    ucj_target: Option<&Sourced<f64>>,
    controls: bool,
    lang: Lang,
) -> Option<Option<Sourced<f64>>> {
    // The target is part of the scenario (saved, undoable); 0 means none.
    let mut value = ucj_target.map_or(0.0, |t| t.value);
    let before = value;
    // An exported chart shows the target line only, not the control.
    if controls {
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
                    // 0 is no target: say so rather than "0,0 %".
                    .custom_formatter(move |v, _| {
                        if v == 0.0 {
                            lang.tr("ui.chart.no_target")
                        } else {
                            format!("{} %", format::decimal(v, 1, lang))
                        }
                    })
                    .custom_parser(move |t| {
                        let number = t.trim().trim_end_matches('%');
                        number_from_text(number, lang, NumberKind::Decimal).or(Some(0.0))
                    }),
            )
            .labelled_by(label.id);
        });
    }
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
            ui,
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
            if let Some(year) = chosen_year {
                plot_ui.vline(chosen_year_line(year, weak, lang));
            }
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
            ui,
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
    chosen_year: Option<i32>,
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
            ui,
            "budget",
            lang.tr("ui.axis.rupiah"),
            Unit::Rupiah,
            lang,
            height,
            Corner::LeftTop,
        )
        .include_y(tallest as f64 * LEGEND_HEADROOM)
        .show(ui, |plot_ui| {
            let payers: Vec<BarSeries> = PayerKind::ALL
                .into_iter()
                .filter(|&kind| rows.iter().any(|r| r.cost_of(kind) != 0))
                .map(|kind| {
                    let value: Box<dyn Fn(&YearResult) -> f64> =
                        Box::new(move |r| r.cost_of(kind) as f64);
                    (payer_name(kind, lang), payer_color(kind), value)
                })
                .collect();
            stacked_bars(plot_ui, rows, payers, lang);
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
            if let Some(year) = chosen_year {
                plot_ui.vline(chosen_year_line(year, weak, lang));
            }
        });
    };
    let second = |ui: &mut egui::Ui, height: f32| {
        plot(
            ui,
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
    chosen_year: Option<i32>,
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
            ui,
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
            if let Some(year) = chosen_year {
                plot_ui.vline(chosen_year_line(year, weak, lang));
            }
        });
    };
    let second = |ui: &mut egui::Ui, height: f32| {
        let tallest = rows
            .iter()
            .map(YearResult::benefits_paid)
            .fold(0.0, f64::max);
        plot(
            ui,
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
            let series = series
                .into_iter()
                .map(|(key, color, value)| {
                    let value: Box<dyn Fn(&YearResult) -> f64> = Box::new(value);
                    (lang.tr(key), color, value)
                })
                .collect();
            stacked_bars(plot_ui, rows, series, lang);
        });
    };
    two_charts(ui, first, second);
}
