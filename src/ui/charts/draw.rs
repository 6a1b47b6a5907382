//! Draws a [`ChartSpec`] from the report layer with egui_plot: lines (with a marker per year
//! in an overlay), stacked bars with a tooltip of the year's parts, a shaded band, a level,
//! and the chosen year as a light band across the chart.

use egui::Color32;
use egui_plot::{
    Bar, BarChart, Corner as PlotCorner, FilledArea, HLine, Line, LineStyle, MarkerShape,
    PlotPoints, PlotUi, Points,
};

use crate::format;
use crate::i18n::Lang;
use crate::report::Unit as ReportUnit;
use crate::report::chart::{ChartSpec, Colour, Corner, Dash, Mark, Marker, Series};

use super::plot::{Unit, chosen_year_line, plot};

/// A bar's width, in years.
const BAR_WIDTH: f64 = 0.6;

/// `spec` in a plot `height` points tall (its title above it, its note below), with the
/// chosen year marked.
pub fn spec_ui(
    ui: &mut egui::Ui,
    spec: &ChartSpec,
    height: f32,
    chosen_year: Option<i32>,
    lang: Lang,
) {
    let unit = match spec.unit {
        ReportUnit::Rupiah => Unit::Rupiah,
        ReportUnit::Percent => Unit::Percent,
        ReportUnit::Year
        | ReportUnit::Count
        | ReportUnit::People
        | ReportUnit::Deaths
        | ReportUnit::Ratio => Unit::People,
    };
    if let Some(title) = &spec.title {
        ui.label(egui::RichText::new(title).strong());
    }
    let ink = ui.visuals().strong_text_color();
    let weak = ui.visuals().weak_text_color();
    let colour = |c: Colour| match c {
        Colour::Rgb([r, g, b]) => Color32::from_rgb(r, g, b),
        Colour::Ink => ink,
    };
    let legend = match spec.legend {
        Corner::LeftTop => PlotCorner::LeftTop,
        Corner::RightTop => PlotCorner::RightTop,
        Corner::LeftBottom => PlotCorner::LeftBottom,
        Corner::RightBottom => PlotCorner::RightBottom,
    };
    let mut chart = plot(
        ui,
        spec.key,
        spec.y_label.clone(),
        unit,
        lang,
        height,
        legend,
    );
    if let Some(reach) = spec.include_y {
        chart = chart.include_y(reach);
    }
    chart.show(ui, |plot_ui| {
        let bars: Vec<&Series> = spec
            .series
            .iter()
            .filter(|s| s.mark == Mark::Bars)
            .collect();
        if !bars.is_empty() {
            stacked_bars(plot_ui, &bars, &colour, unit, lang);
        }
        for series in &spec.series {
            let c = colour(series.colour);
            match &series.mark {
                Mark::Line {
                    width,
                    dash,
                    marker,
                } => {
                    plot_ui.line(
                        Line::new(series.name.clone(), PlotPoints::from(series.points.clone()))
                            .color(c)
                            .style(line_style(*dash))
                            .width(*width),
                    );
                    if let Some(marker) = marker {
                        plot_ui.points(
                            Points::new(series.name.clone(), series.points.clone())
                                .color(c)
                                .shape(marker_shape(*marker))
                                .radius(width + 1.0),
                        );
                    }
                }
                Mark::Band { upper } => {
                    let xs: Vec<f64> = series.points.iter().map(|p| p[0]).collect();
                    let low: Vec<f64> = series.points.iter().map(|p| p[1]).collect();
                    plot_ui.add(
                        FilledArea::new(series.name.clone(), &xs, &low, upper)
                            .fill_color(c.gamma_multiply(0.35)),
                    );
                }
                Mark::Level => {
                    if let Some(point) = series.points.first() {
                        plot_ui.hline(
                            HLine::new(series.name.clone(), point[1])
                                .color(c)
                                .style(LineStyle::dashed_loose()),
                        );
                    }
                }
                Mark::Bars => {}
            }
        }
        if let Some(year) = chosen_year {
            plot_ui.vline(chosen_year_line(year, weak, lang));
        }
    });
    if let Some(note) = &spec.note {
        ui.weak(note);
    }
}

fn line_style(dash: Dash) -> LineStyle {
    match dash {
        Dash::Solid => LineStyle::Solid,
        Dash::Dashed => LineStyle::dashed_loose(),
        Dash::Dotted => LineStyle::dotted_dense(),
        Dash::Short => LineStyle::dashed_dense(),
    }
}

fn marker_shape(marker: Marker) -> MarkerShape {
    match marker {
        Marker::Circle => MarkerShape::Circle,
        Marker::Square => MarkerShape::Square,
        Marker::Diamond => MarkerShape::Diamond,
    }
}

/// Bars stacked year by year, each series on the ones before it, with a tooltip of the
/// year's parts and their sum.
fn stacked_bars(
    plot_ui: &mut PlotUi<'_>,
    series: &[&Series],
    colour: &dyn Fn(Colour) -> Color32,
    unit: Unit,
    lang: Lang,
) {
    // Over a bar: the year's parts and their sum in a tooltip (egui_plot's own hover text has
    // no background and names one part only, so it is left empty).
    if let Some(pointer) = plot_ui.pointer_coordinate()
        && plot_ui.response().hovered()
        && let Some(lines) = bar_tooltip(series, pointer.x, unit, lang)
    {
        plot_ui.response().clone().on_hover_ui_at_pointer(|ui| {
            for (i, line) in lines.iter().enumerate() {
                if i == 0 || i + 1 == lines.len() {
                    ui.strong(line);
                } else {
                    ui.label(line);
                }
            }
        });
    }
    let mut stacked: Vec<BarChart> = Vec::new();
    for part in series {
        let c = colour(part.colour);
        let bars = part
            .points
            .iter()
            .map(|p| {
                Bar::new(p[0], p[1])
                    .name(&part.name)
                    .width(BAR_WIDTH)
                    .fill(c)
                    // An opaque bar with an outline, readable on a projector and in print.
                    .stroke(egui::Stroke::new(1.0, c.gamma_multiply(0.6)))
            })
            .collect();
        let below: Vec<&BarChart> = stacked.iter().collect();
        let chart = BarChart::new(part.name.clone(), bars)
            .color(c)
            .element_formatter(Box::new(|_: &Bar, _: &BarChart| String::new()))
            .stack_on(&below);
        stacked.push(chart);
    }
    for chart in stacked {
        plot_ui.bar_chart(chart);
    }
}

/// The tooltip of the bar at `x` (within its width): the year, each part from the top of
/// the stack down, and the sum ("Jumlah").
fn bar_tooltip(series: &[&Series], x: f64, unit: Unit, lang: Lang) -> Option<Vec<String>> {
    let year = x.round();
    if (x - year).abs() > BAR_WIDTH / 2.0 {
        return None;
    }
    let value_in = |s: &Series| s.points.iter().find(|p| p[0] == year).map(|p| p[1]);
    if !series.iter().any(|s| value_in(s).is_some()) {
        return None;
    }
    // Rupiah in full here: the tooltip is where the exact amount is read.
    let write = |value: f64| match unit {
        Unit::Rupiah => format::rupiah(value, lang),
        _ => unit.format(value, lang),
    };
    let mut lines = vec![format!("{year}")];
    let mut sum = 0.0;
    for part in series.iter().rev() {
        let amount = value_in(part).unwrap_or(0.0);
        sum += amount;
        lines.push(format!("{}: {}", part.name, write(amount)));
    }
    lines.push(format!("{}: {}", lang.tr("ui.chart.bar_sum"), write(sum)));
    Some(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bars_tooltip_lists_its_parts_from_the_top_and_their_sum() {
        let bars = |name: &str, value: f64| Series {
            name: name.into(),
            points: vec![[2026.0, value], [2027.0, value]],
            colour: Colour::Ink,
            mark: Mark::Bars,
        };
        let (santunan, klaim) = (bars("Santunan", 42_000_000.0), bars("Klaim", 7_000_000.0));
        let series = [&santunan, &klaim];
        // Rp42.000.000 + Rp7.000.000 = Rp49.000.000; the top part (Klaim) first.
        assert_eq!(
            bar_tooltip(&series, 2027.2, Unit::Rupiah, Lang::Id),
            Some(vec![
                "2027".to_owned(),
                "Klaim: Rp7.000.000".to_owned(),
                "Santunan: Rp42.000.000".to_owned(),
                "Jumlah: Rp49.000.000".to_owned(),
            ])
        );
        // Between bars (a bar is 0,6 years wide) and beyond the years: no tooltip.
        assert_eq!(bar_tooltip(&series, 2026.5, Unit::Rupiah, Lang::Id), None);
        assert_eq!(bar_tooltip(&series, 2029.0, Unit::Rupiah, Lang::Id), None);
    }
}
