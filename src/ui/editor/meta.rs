//! The scenario as a whole: which way it is computed, its title and years, and its notes.

use crate::model::plan::field::plan;
use egui::RichText;

use super::fields::{Fields, Unit};
use super::grid;
use crate::model::plan::{Budget, CoveragePath, Direction, Plan};

/// The plan's direction, a first-class choice at the top of the editor.
pub fn direction_ui(ui: &mut egui::Ui, fields: Fields<'_>, scenario: &mut Plan) {
    ui.label(RichText::new(fields.tr("ui.field.direction")).strong())
        .on_hover_text(fields.tr("ui.help.direction"));
    ui.horizontal_wrapped(|ui| {
        for (direction, key) in [
            (Direction::CoverageTarget, "ui.direction.coverage"),
            (Direction::BudgetCap, "ui.direction.budget"),
        ] {
            ui.selectable_value(&mut scenario.direction, direction, fields.tr(key))
                .on_hover_text(fields.tr(&format!("{key}_help")));
        }
    });
    ui.separator();
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
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}
