//! The pieces every chart is built from: colours, units and axis ticks, the plot itself,
//! where its legend goes, stacked bars, and how two charts share a tab.

use std::ops::RangeInclusive;

use egui::Color32;
use egui_plot::{Bar, BarChart, Corner, GridMark, HoverPosition, Legend, Plot, PlotPoints, VLine};

use crate::format;
use crate::i18n::Lang;
use crate::model::YearResult;
use crate::model::plan::PayerKind;

/// Okabe–Ito colours, in their usual order (black last, drawn light on a dark background).
pub(super) const ORANGE: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
pub(super) const SKY_BLUE: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
pub(super) const GREEN: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
pub(super) const YELLOW: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
pub(super) const BLUE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
pub(super) const VERMILION: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
pub(super) const PURPLE: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);

/// Room above the tallest bar for the legend in the top-left corner.
pub(super) const LEGEND_HEADROOM: f64 = 1.5;

/// A colour per payer, fixed so that a payer keeps its colour in every chart.
pub(super) fn payer_color(kind: PayerKind) -> Color32 {
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
pub(super) fn ink(ui: &egui::Ui) -> Color32 {
    ui.visuals().strong_text_color()
}

/// Which unit a chart's values are in, for axis ticks and hover labels.
#[derive(Clone, Copy)]
pub(super) enum Unit {
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
pub(super) fn plot<'a>(
    ui: &egui::Ui,
    id: &str,
    y_label: String,
    unit: Unit,
    lang: Lang,
    height: f32,
    legend: Corner,
) -> Plot<'a> {
    // The y axis's label is written along the axis: the plot is at least as tall as the label
    // is long, so that it never runs over the text above the chart (the results scroll).
    let label_length = egui::WidgetText::from(y_label.as_str())
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Body,
        )
        .size()
        .x;
    Plot::new(id)
        .height(height.max(label_length + X_AXIS_SPACE))
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
pub(super) fn round_steps(input: egui_plot::GridInput) -> [f64; 3] {
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
pub(super) type Series = fn(&YearResult) -> f64;

/// A bar's width, in years.
const BAR_WIDTH: f64 = 0.6;

/// An opaque bar with an outline, readable on a projector and in print.
pub(super) fn solid_bar(year: i32, value: f64, name: &str, color: Color32) -> Bar {
    Bar::new(f64::from(year), value)
        .name(name)
        .width(BAR_WIDTH)
        .fill(color)
        .stroke(egui::Stroke::new(1.0, color.gamma_multiply(0.6)))
}

pub(super) fn year_tick(value: f64) -> String {
    if (value - value.round()).abs() < 1e-6 {
        format!("{}", value.round())
    } else {
        String::new()
    }
}

pub(super) fn points(rows: &[YearResult], y: impl Fn(&YearResult) -> f64) -> PlotPoints<'static> {
    rows.iter().map(|r| [f64::from(r.year), y(r)]).collect()
}

/// The chosen year as a light band across the chart (not a line that reads as the grid).
pub(super) fn chosen_year_line(year: i32, color: Color32, lang: Lang) -> VLine {
    VLine::new(lang.tr("ui.chart.chosen_year"), f64::from(year))
        .color(color.gamma_multiply(0.3))
        .width(12.0)
}

/// The corner of a line chart where the lines pass least (the legend goes there): each
/// series' values by year, on an axis from 0 to `top`. The top corners are preferred.
pub(super) fn emptiest_corner(years: &[f64], series: &[Vec<f64>], top: f64) -> Corner {
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

/// One series of stacked bars: its name, colour and value in a year.
pub(super) type BarSeries = (String, Color32, Box<dyn Fn(&YearResult) -> f64>);

/// Bars stacked year by year, one series on the other, with hover labels in Rupiah.
pub(super) fn stacked_bars(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    rows: &[YearResult],
    series: Vec<BarSeries>,
    lang: Lang,
) {
    // Over a bar: the year's parts and their sum in a tooltip (egui_plot's own hover text has
    // no background and names one part only, so it is left empty).
    if let Some(pointer) = plot_ui.pointer_coordinate()
        && plot_ui.response().hovered()
        && let Some(lines) = bar_tooltip(rows, &series, pointer.x, lang)
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
    for (name, color, value) in series {
        let bars = rows
            .iter()
            .map(|r| solid_bar(r.year, value(r), &name, color))
            .collect();
        let below: Vec<&BarChart> = stacked.iter().collect();
        let chart = BarChart::new(name, bars)
            .color(color)
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
fn bar_tooltip(
    rows: &[YearResult],
    series: &[BarSeries],
    x: f64,
    lang: Lang,
) -> Option<Vec<String>> {
    let year = x.round();
    if (x - year).abs() > BAR_WIDTH / 2.0 {
        return None;
    }
    let row = rows.iter().find(|r| f64::from(r.year) == year)?;
    let mut lines = vec![row.year.to_string()];
    let mut sum = 0.0;
    for (name, _, value) in series.iter().rev() {
        let amount = value(row);
        sum += amount;
        lines.push(format!("{name}: {}", format::rupiah(amount, lang)));
    }
    lines.push(format!(
        "{}: {}",
        lang.tr("ui.chart.bar_sum"),
        format::rupiah(sum, lang)
    ));
    Some(lines)
}

/// Below the plot area: the year ticks and the x axis's label.
const X_AXIS_SPACE: f32 = 48.0;

/// The least height of a chart: room for about five labelled grid lines (the results scroll
/// when the window is too short for two of them).
const MIN_HEIGHT: f32 = 220.0;

/// Half of the space left, for two charts one above the other.
pub(super) fn half_height(ui: &egui::Ui) -> f32 {
    ((ui.available_height() - 24.0) / 2.0).max(MIN_HEIGHT)
}

/// From this width the two charts of a tab stand side by side, each as tall as the space left.
pub(super) const SIDE_BY_SIDE_WIDTH: f32 = 1200.0;

/// The key of the flag that says the charts fill a fixed page (an exported image) rather
/// than a scrolling screen.
fn fixed_page_id() -> egui::Id {
    egui::Id::unique("lindung_charts_fill_fixed_page")
}

/// Draw the charts of this context to fill a page of fixed size (an exported image): nothing
/// may fall below its edge.
pub fn fill_fixed_page(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(fixed_page_id(), true));
}

/// A tab's two charts: side by side on a wide screen, one above the other otherwise. On a
/// fixed page (an exported image) they share the height left: side by side on a landscape
/// page, one above the other on a portrait one.
pub(super) fn two_charts(
    ui: &mut egui::Ui,
    first: impl FnOnce(&mut egui::Ui, f32),
    second: impl FnOnce(&mut egui::Ui, f32),
) {
    let fixed_page = ui.data(|d| d.get_temp::<bool>(fixed_page_id()).unwrap_or(false));
    let left = ui.available_size();
    if fixed_page {
        if left.x >= left.y {
            let height = left.y - 12.0;
            ui.columns(2, |columns| {
                first(&mut columns[0], height);
                second(&mut columns[1], height);
            });
        } else {
            let height = (left.y - 24.0) / 2.0;
            first(ui, height);
            second(ui, height);
        }
    } else if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bars_tooltip_lists_its_parts_from_the_top_and_their_sum() {
        let rows: Vec<YearResult> = [2026, 2027]
            .into_iter()
            .map(|year| YearResult {
                year,
                death_benefits: 42_000_000.0,
                accident_benefits: 7_000_000.0,
                ..YearResult::default()
            })
            .collect();
        let series: Vec<BarSeries> = vec![
            (
                "Santunan".into(),
                Color32::BLUE,
                Box::new(|r| r.death_benefits),
            ),
            (
                "Klaim".into(),
                Color32::RED,
                Box::new(|r| r.accident_benefits),
            ),
        ];
        // Rp42.000.000 + Rp7.000.000 = Rp49.000.000; the top part (Klaim) first.
        assert_eq!(
            bar_tooltip(&rows, &series, 2027.2, Lang::Id),
            Some(vec![
                "2027".to_owned(),
                "Klaim: Rp7.000.000".to_owned(),
                "Santunan: Rp42.000.000".to_owned(),
                "Jumlah: Rp49.000.000".to_owned(),
            ])
        );
        // Between bars (a bar is 0,6 years wide) and beyond the years: no tooltip.
        assert_eq!(bar_tooltip(&rows, &series, 2026.5, Lang::Id), None);
        assert_eq!(bar_tooltip(&rows, &series, 2029.0, Lang::Id), None);
    }

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
        // A target high up and members just under half of it (Sigi: 32.279 and 15.000 of an
        // axis to 35.000): the legend, about two fifths of the plot tall, fits under both.
        let target_and_members = [vec![0.92 * 35.0; 5], vec![15.0; 5]];
        assert!(matches!(
            emptiest_corner(&years, &target_and_members, 35.0),
            Corner::LeftBottom
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
