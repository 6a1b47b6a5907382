//! The pieces every chart is built from: colours, units and axis ticks, the plot itself,
//! where its legend goes, stacked bars, and how two charts share a tab.

use std::ops::RangeInclusive;

use egui::Color32;
use egui_plot::{AxisHints, Corner, GridMark, HoverPosition, Legend, Plot, VLine};

use crate::format;
use crate::i18n::Lang;

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
                // The fewest decimals that write the step exactly (0,025 needs three: with two,
                // 0,025% and 0,05% would read 0,03% and 0,05%).
                let for_step = (0..4)
                    .find(|&d| {
                        let scaled = step * 10_f64.powi(d);
                        (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
                    })
                    .unwrap_or(4) as usize;
                let decimals = format::percent_decimals(value).max(for_step).min(4);
                format!("{}%", format::decimal(value.max(0.0), decimals, lang))
            }
            _ => self.format(value.max(0.0), lang),
        }
    }

    pub(super) fn format(self, value: f64, lang: Lang) -> String {
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
        // Years are four digits: a label fits every 36 points (egui_plot's default wants 60,
        // which leaves a five-year budget chart, narrowed by its Rupiah axis, with one label).
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(lang.tr("ui.axis.year"))
                .formatter(|mark: GridMark, _: &RangeInclusive<f64>| year_tick(mark.value))
                .label_spacing(36.0..=48.0),
        ])
        .y_axis_label(y_label)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(year_steps))
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

/// Grid lines along the years: every year, every 5 and every 10 years (egui_plot labels the
/// finest of them that leaves room, so a five-year plan names each year, even under bars
/// that widen the axis by half a year at each end). Over a span of more than a hundred years
/// (an axis before its first data, or zoomed out) the steps grow tenfold at a time, so that
/// there are never more than about a hundred lines to draw.
fn year_steps(input: egui_plot::GridInput) -> [f64; 3] {
    let span = (input.bounds.1 - input.bounds.0).abs();
    let small = 10_f64.powf((span / 100.0).log10().ceil().max(0.0));
    if small.is_finite() {
        [small, small * 5.0, small * 10.0]
    } else {
        round_steps(input)
    }
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

pub(super) fn year_tick(value: f64) -> String {
    if (value - value.round()).abs() < 1e-6 {
        format!("{}", value.round())
    } else {
        String::new()
    }
}

/// The chosen year as a light band across the chart (not a line that reads as the grid).
pub(super) fn chosen_year_line(year: i32, color: Color32, lang: Lang) -> VLine {
    VLine::new(lang.tr("ui.chart.chosen_year"), f64::from(year))
        .color(color.gamma_multiply(0.3))
        .width(12.0)
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

/// A tab's two charts: side by side on a wide screen, one above the other otherwise. On a
/// fixed page (an exported image) they share the height left: side by side on a landscape
/// page, one above the other on a portrait one.
pub(super) fn two_charts(
    ui: &mut egui::Ui,
    fixed_page: bool,
    first: impl FnOnce(&mut egui::Ui, f32),
    second: impl FnOnce(&mut egui::Ui, f32),
) {
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
    fn year_lines_are_yearly_on_a_plan_and_never_too_many() {
        let steps = |from: f64, to: f64| {
            year_steps(egui_plot::GridInput {
                bounds: (from, to),
                base_step_size: 0.0,
            })
        };
        // A 30-year horizon (with half a year of margin): a line a year.
        assert_eq!(steps(2025.5, 2055.5), [1.0, 5.0, 10.0]);
        // 5.000 years: every 100 years, so 50 lines, not 5.000.
        assert_eq!(steps(0.0, 5_000.0), [100.0, 500.0, 1_000.0]);
        // A billion years (an axis before it has data): still about a hundred lines.
        let [small, ..] = steps(-5e8, 5e8);
        assert!(1e9 / small <= 100.0);
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
        // Ticks 0,025 apart (a grid of 0,05 with lines halfway): three decimals.
        let ticks: Vec<String> = [0.025, 0.05, 0.075]
            .iter()
            .map(|v| Unit::Percent.tick(*v, 0.025, Lang::Id))
            .collect();
        assert_eq!(ticks, ["0,025%", "0,050%", "0,075%"]);
        assert_eq!(Unit::Percent.tick(20.0, 10.0, Lang::Id), "20,0%");
    }
}
