//! The scenario as a whole: which way it is computed, its title and years, and its notes.

use crate::model::plan::field::plan;
use egui::RichText;

use super::fields::{Fields, Unit};
use super::grid;
use crate::model::Projection;
use crate::model::limits::MAX_NOTE_CHARS;
use crate::model::plan::{Budget, CoveragePath, Direction, Plan};

/// What empty budgets can be filled with after switching to the budget direction.
#[derive(Default)]
pub struct BudgetFill {
    /// Each region's own first-year cost in the coverage direction, when the switch was made
    /// from it (the budget that keeps the coverage target's first year).
    costs: Option<Vec<i64>>,
    /// One amount for every region, Rp.
    amount: i64,
}

/// The plan's direction, a first-class choice at the top of the editor; after switching to
/// the budget direction, an offer to fill the regions' empty budgets.
pub fn direction_ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    scenario: &mut Plan,
    projection: Option<&Projection>,
    fill: &mut BudgetFill,
) {
    ui.label(RichText::new(fields.tr("ui.field.direction")).strong())
        .on_hover_text(fields.tr("ui.help.direction"));
    let before = scenario.direction;
    ui.horizontal_wrapped(|ui| {
        for (direction, key) in [
            (Direction::CoverageTarget, "ui.direction.coverage"),
            (Direction::BudgetCap, "ui.direction.budget"),
        ] {
            ui.selectable_value(&mut scenario.direction, direction, fields.tr(key))
                .on_hover_text(fields.tr(&format!("{key}_help")));
        }
    });
    if before == Direction::CoverageTarget && scenario.direction == Direction::BudgetCap {
        // The results on screen are still the coverage direction's: their first-year costs.
        fill.costs = projection
            .filter(|p| p.regions.len() == scenario.regions.len())
            .map(|p| {
                p.regions
                    .iter()
                    .map(|r| r.years.first().map_or(0, |y| y.own_cost))
                    .collect()
            });
    }
    if scenario.direction == Direction::BudgetCap {
        fill_ui(ui, fields, scenario, fill);
    }
    ui.separator();
}

/// Regions with a budget of Rp0 in the budget direction: fill them with their coverage
/// cost, or one amount for all.
fn fill_ui(ui: &mut egui::Ui, fields: Fields<'_>, scenario: &mut Plan, fill: &mut BudgetFill) {
    let empty: Vec<usize> = (0..scenario.regions.len())
        .filter(|&i| first_budget(&scenario.regions[i].budget) == 0)
        .collect();
    if empty.is_empty() {
        return;
    }
    ui.colored_label(
        ui.visuals().warn_fg_color,
        fields
            .lang
            .tr_args("ui.fill.empty", &[("count", empty.len().to_string())]),
    );
    let set = |scenario: &mut Plan, i: usize, amount: i64| {
        scenario.regions[i].budget = Budget::Growing {
            amount,
            growth_pct: 0.0,
        };
    };
    if let Some(costs) = &fill.costs
        && ui
            .button(fields.tr("ui.fill.costs"))
            .on_hover_text(fields.tr("ui.fill.costs_help"))
            .clicked()
    {
        for &i in &empty {
            set(scenario, i, costs.get(i).copied().unwrap_or(0));
        }
    }
    ui.horizontal(|ui| {
        let label = ui.label(fields.tr("ui.fill.amount"));
        ui.add(
            egui::DragValue::new(&mut fill.amount)
                .range(0..=crate::model::limits::MAX_RUPIAH)
                .speed(1_000_000.0)
                .custom_formatter(move |v, _| crate::format::decimal(v, 0, fields.lang))
                .custom_parser(move |t| {
                    super::fields::number_from_text(
                        t,
                        fields.lang,
                        super::fields::NumberKind::Whole,
                    )
                }),
        )
        .labelled_by(label.id);
        ui.label(fields.tr("ui.unit.rupiah_year"));
        if ui
            .add_enabled(
                fill.amount > 0,
                egui::Button::new(fields.tr("ui.fill.apply")),
            )
            .clicked()
        {
            for &i in &empty {
                set(scenario, i, fill.amount);
            }
        }
    });
}

/// A region's budget in the first year.
fn first_budget(budget: &Budget) -> i64 {
    match budget {
        Budget::Growing { amount, .. } => *amount,
        Budget::PerYear(values) => values.first().copied().unwrap_or(0),
    }
}

pub fn scenario_ui(ui: &mut egui::Ui, fields: Fields<'_>, scenario: &mut Plan) {
    let years_before = scenario.horizon.years;
    grid(ui, "scenario", |ui| {
        fields.text(ui, "title", plan().meta().title(), &mut scenario.meta.title);
        fields.text(
            ui,
            "author",
            plan().meta().author(),
            &mut scenario.meta.author,
        );
        fields.int(
            ui,
            "first_year",
            plan().horizon().first_year(),
            &mut scenario.horizon.first_year,
            Unit::Year,
            None,
        );
        fields.int(
            ui,
            "years",
            plan().horizon().years(),
            &mut scenario.horizon.years,
            Unit::Years,
            None,
        );
    });
    if scenario.horizon.years != years_before {
        fit_per_year_lists(scenario);
    }
}

/// Keeps per-year lists as long as the horizon when the number of years changes: the last
/// value is repeated, or the list is cut.
fn fit_per_year_lists(scenario: &mut Plan) {
    let years = scenario.horizon.years.clamp(1, 30) as usize;
    for region in &mut scenario.regions {
        if let CoveragePath::PerYear(values) = &mut region.coverage.path {
            let last = values.last().copied().unwrap_or(0.0);
            values.resize(years, last);
        }
        if let Budget::PerYear(values) = &mut region.budget {
            let last = values.last().copied().unwrap_or(0);
            values.resize(years, last);
        }
    }
}

pub fn notes_ui(ui: &mut egui::Ui, fields: Fields<'_>, scenario: &mut Plan) {
    let label = ui
        .label(fields.tr("ui.field.notes"))
        .on_hover_text(fields.tr("ui.help.notes"));
    ui.add(
        egui::TextEdit::multiline(&mut scenario.meta.notes)
            .desired_rows(6)
            .desired_width(f32::INFINITY)
            .char_limit(MAX_NOTE_CHARS),
    )
    .labelled_by(label.id);
    super::fields::limit_note(ui, fields, &scenario.meta.notes, MAX_NOTE_CHARS);
}
