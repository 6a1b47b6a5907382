//! The chart tabs: coverage, budget by payer, and protection reaching families, each two
//! charts built as data by the report layer ([`ChartSpec`]) and drawn here. Colours are the
//! Okabe–Ito palette (safe for colour-blind readers, readable in print); every chart has a
//! legend, axis labels with units, and hover labels in Rupiah, people or percent.

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::{Direction, Sourced};
use crate::model::{Projection, YearResult};
use crate::report::chart::ChartSpec;

use super::editor::fields::{NumberKind, number_from_text};

mod draw;
mod plot;

pub use draw::spec_ui;
use plot::two_charts;

/// Where a tab's charts are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The results on screen: they scroll, and the chosen year is marked.
    Screen { chosen_year: i32 },
    /// A page of fixed size (an exported image, a slide): they fill it, nothing below its edge.
    Page,
}

/// A tab's two charts.
fn pair_ui(ui: &mut egui::Ui, [first, second]: &[ChartSpec; 2], place: Place, lang: Lang) {
    let chosen_year = match place {
        Place::Screen { chosen_year } => Some(chosen_year),
        Place::Page => None,
    };
    two_charts(
        ui,
        place == Place::Page,
        |ui, height| spec_ui(ui, first, height, chosen_year, lang),
        |ui, height| spec_ui(ui, second, height, chosen_year, lang),
    );
}

pub fn coverage_ui(
    ui: &mut egui::Ui,
    rows: &[YearResult],
    place: Place,
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
    pair_ui(ui, &ChartSpec::coverage(rows, value, lang), place, lang);
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
    place: Place,
    direction: Direction,
    lang: Lang,
) {
    pair_ui(ui, &ChartSpec::budget(rows, direction, lang), place, lang);
}

pub fn protection_ui(
    ui: &mut egui::Ui,
    rows: &[YearResult],
    place: Place,
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
    pair_ui(ui, &ChartSpec::protection(rows, lang), place, lang);
}
