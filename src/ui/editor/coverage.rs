//! Jalur cakupan: where coverage starts, how it grows (ramp, S-curve or one share per year)
//! or, in the budget-cap direction, the money per year; and the enrolment waves.

use super::fields::{Fields, Unit};
use super::grid;
use crate::model::defaults;
use crate::model::plan::field::{CoverageFieldsPath, RegionPath};
use crate::model::plan::{Budget, CoveragePath, CutRule, Direction, Enrolment, Region, Wave};

pub fn ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    path: RegionPath,
    region: &mut Region,
    years: u32,
    direction: Direction,
) {
    let cv = path.coverage();
    let first_year_label = |i: usize| {
        fields
            .lang
            .tr_args("ui.year_n", &[("n", (i + 1).to_string())])
    };
    grid(ui, "coverage_start", |ui| {
        fields.float(
            ui,
            "start_pct",
            cv.start_pct(),
            &mut region.coverage.start_pct,
            Unit::Percent,
            2,
            None,
        );
        fields.int(
            ui,
            "start_tenure",
            cv.start_tenure_months(),
            &mut region.coverage.start_tenure_months,
            Unit::Months,
            None,
        );
    });
    match direction {
        Direction::CoverageTarget => {
            path_kind_ui(
                ui,
                fields,
                &mut region.coverage.path,
                region.coverage.start_pct,
                years,
            );
            grid(ui, "coverage_path", |ui| match &mut region.coverage.path {
                CoveragePath::Ramp { target_pct } | CoveragePath::SCurve { target_pct, .. } => {
                    fields.float(
                        ui,
                        "target_pct",
                        cv.path().target_pct(),
                        target_pct,
                        Unit::Percent,
                        2,
                        None,
                    );
                    if let CoveragePath::SCurve { steepness, .. } = &mut region.coverage.path {
                        fields.float(
                            ui,
                            "steepness",
                            cv.path().steepness(),
                            steepness,
                            Unit::Factor,
                            1,
                            None,
                        );
                    }
                }
                CoveragePath::PerYear(values) => {
                    for (i, value) in values.iter_mut().enumerate() {
                        fields.float_labelled(
                            ui,
                            &first_year_label(i),
                            "per_year_pct",
                            cv.path().year(i),
                            value,
                            Unit::Percent,
                            2,
                        );
                    }
                }
            });
            fields.problems_below(ui, cv.path().whole());
        }
        Direction::BudgetCap => {
            let b = path.budget();
            budget_kind_ui(ui, fields, &mut region.budget, years);
            ui.label(egui::RichText::new(fields.tr("ui.budget.own_apbd")).small());
            grid(ui, "budget", |ui| match &mut region.budget {
                Budget::Growing { amount, growth_pct } => {
                    fields.int(
                        ui,
                        "budget_amount",
                        b.amount(),
                        amount,
                        Unit::RupiahPerYear,
                        None,
                    );
                    fields.float(
                        ui,
                        "budget_growth",
                        b.growth_pct(),
                        growth_pct,
                        Unit::PercentPerYear,
                        2,
                        None,
                    );
                }
                Budget::PerYear(values) => {
                    for (i, value) in values.iter_mut().enumerate() {
                        fields.int_labelled(
                            ui,
                            &first_year_label(i),
                            "budget_per_year",
                            b.year(i),
                            value,
                            Unit::Rupiah,
                        );
                    }
                }
            });
            fields.problems_below(ui, b.whole());
        }
    }
    waves_ui(ui, fields, cv, &mut region.coverage.waves);
    paid_until_ui(ui, fields, cv, &mut region.coverage.paid_until_month);
    if direction == Direction::BudgetCap {
        choice_ui(
            ui,
            fields,
            "enrolment",
            &mut region.coverage.enrolment,
            &[
                (Enrolment::Sustainable, "ui.enrolment.sustainable"),
                (Enrolment::FillEachYear, "ui.enrolment.fill"),
            ],
        );
    }
    choice_ui(
        ui,
        fields,
        "cut",
        &mut region.coverage.cut,
        &[
            (CutRule::NewestFirst, "ui.cut.newest"),
            (CutRule::ShareOfAll, "ui.cut.share"),
        ],
    );
}

/// A budget or programme that pays only until a month of each year.
fn paid_until_ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    cv: CoverageFieldsPath,
    month: &mut Option<u32>,
) {
    let mut part_year = month.is_some();
    if ui
        .checkbox(&mut part_year, fields.tr("ui.field.paid_until"))
        .on_hover_text(fields.tr("ui.help.paid_until"))
        .changed()
    {
        *month = part_year.then_some(12);
    }
    if let Some(month) = month {
        grid(ui, "paid_until", |ui| {
            fields.int(
                ui,
                "paid_until_month",
                cv.paid_until_month(),
                month,
                Unit::Month,
                None,
            );
        });
    }
}

/// A labelled row of mutually exclusive choices, each with its own tooltip.
fn choice_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    name: &str,
    value: &mut T,
    options: &[(T, &str)],
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(fields.tr(&format!("ui.field.{name}")))
            .on_hover_text(fields.tr(&format!("ui.help.{name}")));
        for (option, key) in options {
            ui.selectable_value(value, *option, fields.tr(key))
                .on_hover_text(fields.tr(&format!("{key}_help")));
        }
    });
}

fn path_kind_ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    path: &mut CoveragePath,
    start: f64,
    years: u32,
) {
    let target = match path {
        CoveragePath::Ramp { target_pct } | CoveragePath::SCurve { target_pct, .. } => *target_pct,
        CoveragePath::PerYear(values) => values.last().copied().unwrap_or(start),
    };
    let current = kind_of(path);
    ui.horizontal(|ui| {
        ui.label(fields.tr("ui.field.path_kind"))
            .on_hover_text(fields.tr("ui.help.path_kind"));
        for (kind, key) in [
            (PathKind::Ramp, "ui.path.ramp"),
            (PathKind::SCurve, "ui.path.s_curve"),
            (PathKind::PerYear, "ui.path.per_year"),
        ] {
            if ui
                .selectable_label(current == kind, fields.tr(key))
                .on_hover_text(fields.tr(&format!("{key}_help")))
                .clicked()
                && current != kind
            {
                *path = match kind {
                    PathKind::Ramp => CoveragePath::Ramp { target_pct: target },
                    PathKind::SCurve => CoveragePath::SCurve {
                        target_pct: target,
                        steepness: defaults::S_CURVE_STEEPNESS,
                    },
                    // The same shares as the path had, exactly, year by year.
                    PathKind::PerYear => CoveragePath::PerYear(
                        (0..years.clamp(1, 30) as usize)
                            .map(|y| path.share(start, years, y))
                            .collect(),
                    ),
                };
            }
        }
    });
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum PathKind {
    Ramp,
    SCurve,
    PerYear,
}

fn kind_of(path: &CoveragePath) -> PathKind {
    match path {
        CoveragePath::Ramp { .. } => PathKind::Ramp,
        CoveragePath::SCurve { .. } => PathKind::SCurve,
        CoveragePath::PerYear(_) => PathKind::PerYear,
    }
}

/// Year-end shares on a straight line from `start` to `target`, rounded to 0,1%.
fn budget_kind_ui(ui: &mut egui::Ui, fields: Fields<'_>, budget: &mut Budget, years: u32) {
    let growing = matches!(budget, Budget::Growing { .. });
    ui.horizontal(|ui| {
        ui.label(fields.tr("ui.field.budget_kind"))
            .on_hover_text(fields.tr("ui.help.budget_kind"));
        if ui
            .selectable_label(growing, fields.tr("ui.budget.growing"))
            .clicked()
            && !growing
        {
            let amount = match budget {
                Budget::PerYear(values) => values.first().copied().unwrap_or(0),
                Budget::Growing { amount, .. } => *amount,
            };
            *budget = Budget::Growing {
                amount,
                growth_pct: 0.0,
            };
        }
        if ui
            .selectable_label(!growing, fields.tr("ui.budget.per_year"))
            .clicked()
            && growing
            && let Budget::Growing { amount, growth_pct } = *budget
        {
            let values = (0..years.clamp(1, 30))
                .map(|y| (amount as f64 * (1.0 + growth_pct / 100.0).powi(y as i32)).round() as i64)
                .collect();
            *budget = Budget::PerYear(values);
        }
    });
}

fn waves_ui(ui: &mut egui::Ui, fields: Fields<'_>, cv: CoverageFieldsPath, waves: &mut Vec<Wave>) {
    ui.label(egui::RichText::new(fields.tr("ui.group.waves")).strong())
        .on_hover_text(fields.tr("ui.help.waves"));
    let mut remove = None;
    grid(ui, "waves", |ui| {
        for (i, wave) in waves.iter_mut().enumerate() {
            let n = (i + 1).to_string();
            fields.int_labelled(
                ui,
                &fields.lang.tr_args("ui.wave.month", &[("n", n.clone())]),
                "wave_month",
                cv.wave(i).month(),
                &mut wave.month,
                Unit::Month,
            );
            fields.float_labelled(
                ui,
                &fields.lang.tr_args("ui.wave.share", &[("n", n.clone())]),
                "wave_share",
                cv.wave(i).share_pct(),
                &mut wave.share_pct,
                Unit::Percent,
                1,
            );
            let mut ends = wave.until_month.is_some();
            let help = fields.tr("ui.help.wave_until");
            let row = ui
                .label(fields.lang.tr_args("ui.wave.ends", &[("n", n.clone())]))
                .on_hover_text(&help);
            if ui
                .checkbox(&mut ends, "")
                .labelled_by(row.id)
                .on_hover_text(help)
                .changed()
            {
                wave.until_month = ends.then_some(12);
            }
            ui.end_row();
            if let Some(until) = &mut wave.until_month {
                fields.int_labelled(
                    ui,
                    &fields.lang.tr_args("ui.wave.until", &[("n", n.clone())]),
                    "wave_until",
                    cv.wave(i).until_month(),
                    until,
                    Unit::Month,
                );
            }
            if ui
                .small_button(fields.lang.tr_args("ui.wave.remove", &[("n", n)]))
                .clicked()
            {
                remove = Some(i);
            }
            ui.end_row();
        }
    });
    if let Some(i) = remove
        && waves.len() > 1
    {
        waves.remove(i);
    }
    fields.problems_below(ui, cv.waves());
    if ui.button(fields.tr("ui.wave.add")).clicked() {
        waves.push(Wave {
            month: 9,
            share_pct: 0.0,
            until_month: None,
        });
    }
}
