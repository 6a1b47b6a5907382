//! Pendanaan: who pays the selected region's contributions (a share, a fixed amount or a
//! quota of workers), who pays the rest, and the total APBD that the share-of-APBD figure
//! compares against.

use super::fields::{Fields, Unit};
use super::grid;
use crate::model::plan::field::{ApbdPath, PayerPath, plan};
use crate::model::plan::{Apbd, Basis, Payer, PayerKind, Plan, ProvinceQuota, QuotaSplit, Region};

pub fn ui(ui: &mut egui::Ui, fields: Fields<'_>, scenario: &mut Plan, selected: usize) {
    let first_year = scenario.horizon.first_year;
    if let Some(region) = scenario.regions.get_mut(selected) {
        let f = plan().region(selected).funding();
        ui.label(egui::RichText::new(region.name.clone()).strong());
        let mut remove = None;
        for (i, payer) in region.funding.payers.iter_mut().enumerate() {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                if payer_ui(ui, fields, f.payer(i), i, payer) {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            region.funding.payers.remove(i);
        }
        fields.problems_below(ui, f.payers());
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
            f.apbd(),
            &mut region.funding.apbd,
            first_year,
        );
    }
    ui.separator();
    apbd_ui(
        ui,
        fields,
        "owner_apbd",
        plan().meta().apbd(),
        &mut scenario.meta.apbd,
        first_year,
    );
    ui.separator();
    let Plan {
        regions,
        province_quota,
        ..
    } = scenario;
    quota_ui(ui, fields, regions, province_quota);
}

/// A province's quota of workers across all regions: by pool, or a number per region.
fn quota_ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    regions: &[Region],
    quota: &mut Option<ProvinceQuota>,
) {
    let mut known = quota.is_some();
    if ui
        .checkbox(&mut known, fields.tr("ui.field.province_quota"))
        .on_hover_text(fields.tr("ui.help.province_quota"))
        .changed()
    {
        *quota = known.then(|| ProvinceQuota {
            payer: PayerKind::ApbdProvinsi,
            workers: 0,
            split: QuotaSplit::ByPool,
            source: String::new(),
        });
    }
    let Some(q) = quota else {
        return;
    };
    let p = plan().province_quota();
    grid(ui, "province_quota", |ui| {
        let label = ui
            .label(fields.tr("ui.field.quota_payer"))
            .on_hover_text(fields.tr("ui.help.quota_payer"));
        payer_kind_combo(ui, fields, "quota_payer", &mut q.payer).labelled_by(label.id);
        ui.end_row();
        let source = q.source.clone();
        fields.int(
            ui,
            "quota_workers",
            p.workers(),
            &mut q.workers,
            Unit::Workers,
            Some(&source),
        );
        fields.source(ui, &mut q.source);
    });
    let by_pool = matches!(q.split, QuotaSplit::ByPool);
    ui.horizontal(|ui| {
        if ui
            .selectable_label(by_pool, fields.tr("ui.quota.by_pool"))
            .on_hover_text(fields.tr("ui.quota.by_pool_help"))
            .clicked()
        {
            q.split = QuotaSplit::ByPool;
        }
        if ui
            .selectable_label(!by_pool, fields.tr("ui.quota.explicit"))
            .on_hover_text(fields.tr("ui.quota.explicit_help"))
            .clicked()
            && by_pool
        {
            // Start from the split by pool, so the parts already add up to the quota.
            q.split = QuotaSplit::Explicit(q.per_region(regions));
        }
    });
    if let QuotaSplit::Explicit(counts) = &mut q.split {
        counts.resize(regions.len(), 0);
        grid(ui, "quota_split", |ui| {
            for (i, (count, region)) in counts.iter_mut().zip(regions).enumerate() {
                fields.int_labelled(
                    ui,
                    &region.name,
                    "quota_region",
                    p.part(i),
                    count,
                    Unit::Workers,
                );
            }
        });
    }
    fields.problems_below(ui, p.split());
}

/// One payer; returns whether the user asked to remove it.
fn payer_ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    path: PayerPath,
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
        let at = path.basis();
        match &mut payer.basis {
            Basis::Share(pct) => {
                fields.float(
                    ui,
                    "payer_share",
                    at,
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
                    at,
                    amount,
                    Unit::RupiahPerYear,
                    Some(&payer.source),
                );
            }
            Basis::Workers(workers) => {
                fields.int(
                    ui,
                    "payer_workers",
                    at,
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
fn apbd_ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    name: &str,
    path: ApbdPath,
    apbd: &mut Option<Apbd>,
    first_year: i32,
) {
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
            base_year: None,
        });
    }
    if let Some(apbd) = apbd {
        let source = apbd.source.clone();
        grid(ui, name, |ui| {
            fields.int(
                ui,
                "apbd_total",
                path.total(),
                &mut apbd.total,
                Unit::Rupiah,
                Some(&source),
            );
            fields.float(
                ui,
                "apbd_growth",
                path.growth_pct(),
                &mut apbd.growth_pct,
                Unit::PercentPerYear,
                2,
                Some(&source),
            );
            fields.base_year(ui, path.base_year(), &mut apbd.base_year, first_year);
            fields.source(ui, &mut apbd.source);
        });
    }
}
