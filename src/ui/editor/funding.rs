//! Pendanaan: who pays the selected region's contributions (a share, a fixed amount or a
//! quota of workers), who pays the rest, and the total APBD that the share-of-APBD figure
//! compares against.

use super::fields::{Fields, Unit};
use super::grid;
use crate::model::plan::{Apbd, Basis, Payer, PayerKind, Plan};

pub fn ui(ui: &mut egui::Ui, fields: Fields<'_>, scenario: &mut Plan, selected: usize) {
    if let Some(region) = scenario.regions.get_mut(selected) {
        let f = format!("regions[{selected}].funding");
        ui.label(egui::RichText::new(region.name.clone()).strong());
        let mut remove = None;
        for (i, payer) in region.funding.payers.iter_mut().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                if payer_ui(ui, fields, &format!("{f}.payers[{i}]"), i, payer) {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            region.funding.payers.remove(i);
        }
        fields.problems_below(ui, &format!("{f}.payers"));
        if ui.button(fields.tr("ui.payer.add")).clicked() {
            region.funding.payers.push(Payer {
                kind: PayerKind::ApbdProvinsi,
                basis: Basis::Share(0.0),
                source: String::new(),
            });
        }
        ui.horizontal(|ui| {
            let label = ui
                .label(fields.tr("ui.field.residual"))
                .on_hover_text(fields.tr("ui.help.residual"));
            payer_kind_combo(ui, fields, "residual", &mut region.funding.residual)
                .labelled_by(label.id);
        });
        apbd_ui(
            ui,
            fields,
            "region_apbd",
            &format!("{f}.apbd"),
            &mut region.funding.apbd,
        );
    }
    ui.separator();
    apbd_ui(
        ui,
        fields,
        "owner_apbd",
        "meta.apbd",
        &mut scenario.meta.apbd,
    );
}

/// One payer; returns whether the user asked to remove it.
fn payer_ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    path: &str,
    index: usize,
    payer: &mut Payer,
) -> bool {
    let mut remove = false;
    ui.horizontal(|ui| {
        let label = ui
            .label(
                fields
                    .lang
                    .tr_args("ui.payer.n", &[("n", (index + 1).to_string())]),
            )
            .on_hover_text(fields.tr("ui.help.payer"));
        payer_kind_combo(ui, fields, &format!("payer_kind_{index}"), &mut payer.kind)
            .labelled_by(label.id);
        remove = ui.small_button(fields.tr("ui.payer.remove")).clicked();
    });
    ui.horizontal(|ui| {
        for (key, is_kind, switch) in [
            (
                "ui.basis.share",
                matches!(payer.basis, Basis::Share(_)),
                Basis::Share(0.0),
            ),
            (
                "ui.basis.amount",
                matches!(payer.basis, Basis::Amount(_)),
                Basis::Amount(0),
            ),
            (
                "ui.basis.workers",
                matches!(payer.basis, Basis::Workers(_)),
                Basis::Workers(0),
            ),
        ] {
            if ui
                .selectable_label(is_kind, fields.tr(key))
                .on_hover_text(fields.tr(&format!("{key}_help")))
                .clicked()
                && !is_kind
            {
                payer.basis = switch;
            }
        }
    });
    grid(ui, &format!("payer_{index}"), |ui| {
        let at = format!("{path}.basis");
        match &mut payer.basis {
            Basis::Share(pct) => {
                fields.float(
                    ui,
                    "payer_share",
                    &at,
                    pct,
                    Unit::Percent,
                    2,
                    Some(&payer.source),
                );
            }
            Basis::Amount(amount) => {
                fields.int(
                    ui,
                    "payer_amount",
                    &at,
                    amount,
                    Unit::RupiahPerYear,
                    Some(&payer.source),
                );
            }
            Basis::Workers(workers) => {
                fields.int(
                    ui,
                    "payer_workers",
                    &at,
                    workers,
                    Unit::Workers,
                    Some(&payer.source),
                );
            }
        }
        fields.source(ui, &mut payer.source);
    });
    remove
}

fn payer_kind_combo(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    id: &str,
    kind: &mut PayerKind,
) -> egui::Response {
    egui::ComboBox::from_id_salt(id)
        .selected_text(payer_name(*kind, fields.lang))
        .show_ui(ui, |ui| {
            for option in PayerKind::ALL {
                ui.selectable_value(kind, option, payer_name(option, fields.lang));
            }
        })
        .response
}

/// The payer's name in `lang` (`ui.payer.<id>`).
pub fn payer_name(kind: PayerKind, lang: crate::i18n::Lang) -> String {
    lang.tr(&format!("ui.payer.{}", kind.id()))
}

/// A total APBD that may be unknown: a checkbox, then total, growth and source.
fn apbd_ui(ui: &mut egui::Ui, fields: Fields<'_>, name: &str, path: &str, apbd: &mut Option<Apbd>) {
    let mut known = apbd.is_some();
    if ui
        .checkbox(&mut known, fields.tr(&format!("ui.field.{name}")))
        .on_hover_text(fields.tr(&format!("ui.help.{name}")))
        .changed()
    {
        *apbd = known.then(|| Apbd {
            total: 0,
            growth_pct: 0.0,
            source: String::new(),
        });
    }
    if let Some(apbd) = apbd {
        let source = apbd.source.clone();
        grid(ui, name, |ui| {
            fields.int(
                ui,
                "apbd_total",
                &format!("{path}.total"),
                &mut apbd.total,
                Unit::Rupiah,
                Some(&source),
            );
            fields.float(
                ui,
                "apbd_growth",
                &format!("{path}.growth_pct"),
                &mut apbd.growth_pct,
                Unit::PercentPerYear,
                2,
                Some(&source),
            );
            fields.source(ui, &mut apbd.source);
        });
    }
}
