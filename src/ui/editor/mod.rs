//! Left panel: the scenario editor, one collapsible group per part of the scenario. Edits
//! change the scenario in place; the app notices the change, recomputes and records an undo
//! point.

mod assumptions;
mod coverage;
pub mod fields;
mod funding;
mod meta;
mod programme;
mod regions;
mod target;

use crate::model::Projection;
use crate::model::plan::field::plan;
use egui::CollapsingHeader;

use crate::i18n::Lang;
use crate::model::plan::Plan;
use crate::ui::region_picker::RegionPicker;

pub use fields::FieldProblems;
use fields::Fields;
pub use funding::payer_name;

/// Editor state that is not part of the scenario.
#[derive(Default)]
pub struct Editor {
    /// The region whose fields are shown.
    pub region: usize,
    picker: RegionPicker,
    /// What switching to the budget direction may fill empty budgets with.
    fill: meta::BudgetFill,
}

impl Editor {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &mut Plan,
        problems: &FieldProblems,
        projection: Option<&Projection>,
        lang: Lang,
    ) {
        let Self {
            region,
            picker,
            fill,
        } = self;
        let fields = Fields { lang, problems };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                meta::direction_ui(ui, fields, scenario, projection, fill);
                meta::scenario_ui(ui, fields, scenario);
                section(ui, lang, "ui.section.regions", true, |ui| {
                    regions::ui(ui, fields, scenario, region, picker);
                });
                *region = (*region).min(scenario.regions.len().saturating_sub(1));
                let years = scenario.horizon.years;
                let first_year = scenario.horizon.first_year;
                let direction = scenario.direction;
                if let Some(r) = scenario.regions.get_mut(*region) {
                    let path = plan().region(*region);
                    section(ui, lang, "ui.section.target", true, |ui| {
                        target::ui(ui, fields, path, r, first_year);
                    });
                    section(ui, lang, "ui.section.coverage", true, |ui| {
                        coverage::ui(ui, fields, path, r, years, direction);
                    });
                }
                section(ui, lang, "ui.section.programme", false, |ui| {
                    programme::ui(ui, fields, scenario);
                });
                section(ui, lang, "ui.section.funding", false, |ui| {
                    funding::ui(ui, fields, scenario, *region);
                });
                section(ui, lang, "ui.section.assumptions", false, |ui| {
                    assumptions::ui(ui, fields, &mut scenario.assumptions);
                });
                section(ui, lang, "ui.section.notes", false, |ui| {
                    meta::notes_ui(ui, fields, scenario);
                });
            });
    }
}

/// A collapsible group with a stable id (so it stays open when the language changes).
fn section(
    ui: &mut egui::Ui,
    lang: Lang,
    key: &str,
    open: bool,
    add_contents: impl FnOnce(&mut egui::Ui),
) {
    CollapsingHeader::new(egui::RichText::new(lang.tr(key)).strong())
        .id_salt(key)
        .default_open(open)
        .show(ui, add_contents);
}

/// A two-column grid (label | value) with a stable id.
fn grid(ui: &mut egui::Ui, id: &str, add_contents: impl FnOnce(&mut egui::Ui)) {
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([8.0, 4.0])
        .striped(false)
        .show(ui, add_contents);
}
