//! Wilayah: who owns the scenario, the list of regions (add, remove, duplicate), the picker
//! that fills official names and codes, and the selected region's workforce.

use super::fields::{Fields, Unit};
use super::grid;
use crate::model::defaults;
use crate::model::plan::field::plan;
use crate::model::plan::{Level, Plan};
use crate::ui::region_picker::{PickTarget, RegionPicker};

pub fn ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    scenario: &mut Plan,
    selected: &mut usize,
    picker: &mut RegionPicker,
) {
    grid(ui, "owner", |ui| {
        fields.text(
            ui,
            "owner_name",
            plan().meta().region_name(),
            &mut scenario.meta.region_name,
        );
        level_row(ui, fields, "owner_level", &mut scenario.meta.level);
        fields.text(
            ui,
            "owner_code",
            plan().meta().code(),
            &mut scenario.meta.code,
        );
    });
    ui.separator();

    list_ui(ui, fields, scenario, selected);
    fields.problems_below(ui, plan().regions());

    if let Some(picked) = picker.ui(ui, fields.lang) {
        match picked.target {
            PickTarget::Region => {
                if let Some(region) = scenario.regions.get_mut(*selected) {
                    region.name = picked.area.name.clone();
                    region.code = picked.area.code.clone();
                    region.level = picked.area.level;
                }
            }
            PickTarget::Owner => {
                scenario.meta.region_name = picked.area.name.clone();
                scenario.meta.code = picked.area.code.clone();
                scenario.meta.level = picked.area.level;
            }
        }
    }

    let scenario_first_year = scenario.horizon.first_year;
    let Some(region) = scenario.regions.get_mut(*selected) else {
        return;
    };
    let path = plan().region(*selected);
    grid(ui, "region", |ui| {
        fields.text(ui, "region_name", path.name(), &mut region.name);
        level_row(ui, fields, "region_level", &mut region.level);
        fields.text(ui, "region_code", path.code(), &mut region.code);
    });
    ui.label(egui::RichText::new(fields.tr("ui.group.workforce")).strong());
    let first_year = scenario_first_year;
    let w = &mut region.workforce;
    let wp = path.workforce();
    let source = w.source.clone();
    let source = Some(source.as_str());
    grid(ui, "workforce", |ui| {
        fields.int(
            ui,
            "employed",
            wp.employed(),
            &mut w.employed,
            Unit::Workers,
            source,
        );
        fields.float(
            ui,
            "employed_growth",
            wp.employed_growth_pct(),
            &mut w.employed_growth_pct,
            Unit::PercentPerYear,
            2,
            source,
        );
        fields.int(
            ui,
            "covered_pu",
            wp.covered_pu(),
            &mut w.covered_pu,
            Unit::Workers,
            source,
        );
        fields.int(
            ui,
            "covered_bpu",
            wp.covered_bpu(),
            &mut w.covered_bpu,
            Unit::Workers,
            source,
        );
        fields.int(
            ui,
            "programme_in_bpu",
            wp.programme_in_bpu(),
            &mut w.programme_in_bpu,
            Unit::Workers,
            source,
        );
        fields.int(
            ui,
            "covered_jakon",
            wp.covered_jakon(),
            &mut w.covered_jakon,
            Unit::Workers,
            source,
        );
        fields.float(
            ui,
            "covered_growth",
            wp.covered_growth_pct(),
            &mut w.covered_growth_pct,
            Unit::PercentPerYear,
            2,
            source,
        );
        fields.base_year(ui, wp.base_year(), &mut w.base_year, first_year);
        fields.source(ui, &mut w.source);
    });
}

/// The region list with add / duplicate / remove.
fn list_ui(ui: &mut egui::Ui, fields: Fields<'_>, scenario: &mut Plan, selected: &mut usize) {
    ui.label(egui::RichText::new(fields.tr("ui.group.region_list")).strong())
        .on_hover_text(fields.tr("ui.help.region_list"));
    // Only the rows in view are laid out: a national plan has over 500 regions.
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("region_list")
        .max_height(160.0)
        .show_rows(ui, row_height, scenario.regions.len(), |ui, rows| {
            for (i, region) in scenario
                .regions
                .iter()
                .enumerate()
                .take(rows.end)
                .skip(rows.start)
            {
                let name = if region.name.trim().is_empty() {
                    fields.tr("ui.region.unnamed")
                } else {
                    region.name.clone()
                };
                let has_problem = fields
                    .problems
                    .keys()
                    .any(|path| path.starts_with(&format!("{}.", plan().region(i).whole())));
                let text = if has_problem {
                    egui::RichText::new(format!("! {name}")).color(ui.visuals().error_fg_color)
                } else {
                    egui::RichText::new(name)
                };
                if ui.selectable_label(*selected == i, text).clicked() {
                    *selected = i;
                }
            }
        });
    ui.horizontal(|ui| {
        if ui.button(fields.tr("ui.region.add")).clicked() {
            let level = match scenario.meta.level {
                Level::Provinsi => Level::Kabupaten,
                other => other,
            };
            scenario.regions.push(defaults::region(
                &fields.tr("ui.region.new_name"),
                level,
                "00.00",
            ));
            *selected = scenario.regions.len() - 1;
        }
        if ui.button(fields.tr("ui.region.duplicate")).clicked()
            && let Some(region) = scenario.regions.get(*selected).cloned()
        {
            let mut copy = region;
            copy.name = fields
                .lang
                .tr_args("ui.region.copy_of", &[("name", copy.name)]);
            scenario.regions.insert(*selected + 1, copy);
            *selected += 1;
        }
        let removable = scenario.regions.len() > 1;
        if ui
            .add_enabled(removable, egui::Button::new(fields.tr("ui.region.remove")))
            .clicked()
            && *selected < scenario.regions.len()
        {
            scenario.regions.remove(*selected);
            *selected = (*selected).min(scenario.regions.len().saturating_sub(1));
        }
    });
}

fn level_row(ui: &mut egui::Ui, fields: Fields<'_>, name: &str, level: &mut Level) {
    let label = ui
        .label(fields.tr(&format!("ui.field.{name}")))
        .on_hover_text(fields.tr(&format!("ui.help.{name}")));
    egui::ComboBox::from_id_salt(name)
        .selected_text(level_name(fields, *level))
        .show_ui(ui, |ui| {
            for option in Level::ALL {
                ui.selectable_value(level, option, level_name(fields, option));
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
}

pub fn level_name(fields: Fields<'_>, level: Level) -> String {
    fields.tr(match level {
        Level::Provinsi => "ui.level.provinsi",
        Level::Kabupaten => "ui.level.kabupaten",
        Level::Kota => "ui.level.kota",
    })
}
