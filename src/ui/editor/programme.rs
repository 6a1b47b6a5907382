//! Program & iuran: JKK and JKM always, JHT optional; the declared income, chosen from the
//! rule set's BPU brackets; the rule set.

use super::fields::{Fields, Unit};
use super::grid;
use crate::format;
use crate::model::builtin;
use crate::model::plan::field::plan;
use crate::model::plan::{IncomeBrackets, Plan};

pub fn ui(ui: &mut egui::Ui, fields: Fields<'_>, scenario: &mut Plan) {
    let programme = &mut scenario.programme;
    ui.add_enabled(
        false,
        egui::Checkbox::new(&mut true, fields.tr("ui.field.jkk_jkm")),
    )
    .on_disabled_hover_text(fields.tr("ui.help.jkk_jkm"));
    ui.checkbox(&mut programme.jht, fields.tr("ui.field.jht"))
        .on_hover_text(fields.tr("ui.help.jht"));
    let rule_set = builtin::resolve_in(&scenario.rule_sets, &scenario.meta.rule_set);
    let jkk_pct = rule_set
        .and_then(|r| r.periods.last())
        .map_or(0.0, |p| p.jkk_pct);
    let brackets = rule_set
        .map(builtin::income_brackets)
        .filter(|table| !table.rows.is_empty())
        .cloned();
    let income = &mut scenario.programme.declared_income;
    grid(ui, "programme", |ui| {
        let source = income.source.clone();
        match &brackets {
            Some(table) => bracket_ui(ui, fields, table, jkk_pct, &mut income.value, &source),
            None => fields.int(
                ui,
                "declared_income",
                plan().programme().declared_income().value(),
                &mut income.value,
                Unit::RupiahPerMonth,
                Some(&source),
            ),
        }
        fields.source(ui, &mut income.source);
    });

    let ids = builtin::available_ids(scenario);
    ui.horizontal(|ui| {
        let label = ui
            .label(fields.tr("ui.field.rule_set"))
            .on_hover_text(fields.tr("ui.help.rule_set"));
        egui::ComboBox::from_id_salt("rule_set")
            .selected_text(scenario.meta.rule_set.clone())
            .show_ui(ui, |ui| {
                for id in ids {
                    let text = id.clone();
                    ui.selectable_value(&mut scenario.meta.rule_set, id, text);
                }
            })
            .response
            .labelled_by(label.id);
    });
    fields.problems_below(ui, plan().meta().rule_set());

    if let Some(rule_set) = builtin::resolve(scenario, &scenario.meta.rule_set)
        && let Some(period) = rule_set.periods.first()
    {
        let income = scenario.programme.declared_income.value as f64;
        let jkk = income * period.jkk_pct / 100.0;
        let jkm = period.jkm_per_month as f64;
        let jht = if scenario.programme.jht {
            income * period.jht_pct / 100.0
        } else {
            0.0
        };
        let lang = fields.lang;
        ui.label(lang.tr_args(
            "ui.programme.monthly",
            &[
                ("total", format::rupiah(jkk + jkm + jht, lang)),
                ("jkk", format::rupiah(jkk, lang)),
                ("jkm", format::rupiah(jkm, lang)),
                ("jht", format::rupiah(jht, lang)),
            ],
        ))
        .on_hover_text(format!("{}\n{}", rule_set.title, rule_set.source));
    }
}

/// The declared income as a choice of the table's brackets, each shown with its JKK.
fn bracket_ui(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    table: &IncomeBrackets,
    jkk_pct: f64,
    income: &mut i64,
    source: &str,
) {
    let lang = fields.lang;
    let text = |nominal: i64| {
        lang.tr_args(
            "ui.programme.bracket",
            &[
                ("income", format::rupiah(nominal as f64, lang)),
                (
                    "jkk",
                    format::rupiah(nominal as f64 * jkk_pct / 100.0, lang),
                ),
            ],
        )
    };
    let label = fields.label(ui, "declared_income", Some(source));
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt("declared_income")
            .selected_text(text(*income))
            .height(320.0)
            .show_ui(ui, |ui| {
                for row in &table.rows {
                    ui.selectable_value(income, row.nominal, text(row.nominal));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(&table.source);
    });
    fields.problems_ui(ui, plan().programme().declared_income().value());
}
