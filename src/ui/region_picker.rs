//! Finds any province or kabupaten/kota by name (or code) and hands back its official code.

use crate::i18n::Lang;
use crate::ui::wilayah::{self, Area};

/// Which name and code a picked area fills.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PickTarget {
    /// The region selected in the list.
    #[default]
    Region,
    /// The Pemda that owns the scenario.
    Owner,
}

/// An area the user picked, and what it is for.
pub struct Picked {
    pub area: &'static Area,
    pub target: PickTarget,
}

#[derive(Default)]
pub struct RegionPicker {
    query: String,
    target: PickTarget,
}

impl RegionPicker {
    const MATCHES: usize = 8;

    pub fn ui(&mut self, ui: &mut egui::Ui, lang: Lang) -> Option<Picked> {
        let Self { query, target } = self;
        let mut picked = None;
        // The search box takes the row (its hint is never cut); what it fills goes below.
        let label = ui.horizontal(|ui| {
            let label = ui
                .label(lang.tr("ui.picker.label"))
                .on_hover_text(lang.tr("ui.picker.help"));
            ui.add(
                egui::TextEdit::singleline(query)
                    .hint_text(lang.tr("ui.picker.hint"))
                    .desired_width(super::editor::fields::width_to_edge(ui)),
            )
            .labelled_by(label.id);
            label
        });
        let label = label.inner;
        ui.horizontal(|ui| {
            ui.weak(lang.tr("ui.picker.fills"));
            egui::ComboBox::from_id_salt("pick_target")
                .selected_text(target_name(*target, lang))
                .show_ui(ui, |ui| {
                    for option in [PickTarget::Region, PickTarget::Owner] {
                        ui.selectable_value(target, option, target_name(option, lang));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let matches = wilayah::search(query, Self::MATCHES);
        if !query.trim().is_empty() && matches.is_empty() {
            ui.weak(lang.tr("ui.picker.none"));
        }
        for area in matches {
            let text = format!("{} · {}", area.code, area.name);
            if ui
                .button(text)
                .on_hover_text(lang.tr("ui.picker.use"))
                .clicked()
            {
                picked = Some(Picked {
                    area,
                    target: *target,
                });
            }
        }
        if picked.is_some() {
            query.clear();
        }
        picked
    }
}

fn target_name(target: PickTarget, lang: Lang) -> String {
    lang.tr(match target {
        PickTarget::Region => "ui.picker.for_region",
        PickTarget::Owner => "ui.picker.for_owner",
    })
}
