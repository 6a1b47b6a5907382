//! A chart of several scenarios on the same axes ([`ChartSpec`] from the report layer): a
//! line per scenario in its own colour and dash, with a marker per year, the baseline drawn
//! thicker, the legend naming each scenario by its title.

use egui::Color32;
use egui_plot::{Line, LineStyle, MarkerShape, PlotPoints, Points};

use crate::i18n::Lang;
use crate::report::Unit as ReportUnit;
use crate::report::chart::{ChartSpec, Dash};

use super::plot::{Unit, emptiest_corner, plot};

/// Markers that differ by shape as the lines differ by dash.
const MARKERS: [MarkerShape; 3] = [
    MarkerShape::Circle,
    MarkerShape::Square,
    MarkerShape::Diamond,
];

pub fn overlay_ui(ui: &mut egui::Ui, id: &str, spec: &ChartSpec, height: f32, lang: Lang) {
    let unit = match spec.unit {
        ReportUnit::Rupiah => Unit::Rupiah,
        ReportUnit::Percent => Unit::Percent,
        ReportUnit::Year
        | ReportUnit::Count
        | ReportUnit::People
        | ReportUnit::Deaths
        | ReportUnit::Ratio => Unit::People,
    };
    let mut years: Vec<f64> = spec
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p[0]))
        .collect();
    years.sort_by(f64::total_cmp);
    years.dedup();
    // Each line's value in every year of the chart (0 where it has none), for the legend's
    // corner.
    let values: Vec<Vec<f64>> = spec
        .series
        .iter()
        .map(|s| {
            years
                .iter()
                .map(|y| s.points.iter().find(|p| p[0] == *y).map_or(0.0, |p| p[1]))
                .collect()
        })
        .collect();
    let top = values.iter().flatten().fold(0.0_f64, |a, b| a.max(*b));
    ui.label(egui::RichText::new(&spec.title).strong());
    plot(
        ui,
        id,
        spec.y_label.clone(),
        unit,
        lang,
        height,
        emptiest_corner(&years, &values, top),
    )
    .show(ui, |plot_ui| {
        for (index, series) in spec.series.iter().enumerate() {
            let [r, g, b] = series.colour;
            let colour = Color32::from_rgb(r, g, b);
            let style = match series.dash {
                Dash::Solid => LineStyle::Solid,
                Dash::Dashed => LineStyle::dashed_loose(),
                Dash::Dotted => LineStyle::dotted_dense(),
            };
            let width = if series.emphasised { 4.0 } else { 2.5 };
            plot_ui.line(
                Line::new(series.name.clone(), PlotPoints::from(series.points.clone()))
                    .color(colour)
                    .style(style)
                    .width(width),
            );
            plot_ui.points(
                Points::new(series.name.clone(), series.points.clone())
                    .color(colour)
                    .shape(MARKERS[index % MARKERS.len()])
                    .radius(width + 1.0),
            );
        }
    });
}
