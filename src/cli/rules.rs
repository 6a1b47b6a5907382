//! `lindung rules`: every built-in rule set and its dated periods, as a table or CSV.

use std::io::Write;

use comfy_table::{Table, presets};

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::{RulePeriod, RuleSet};
use crate::report::Value;

/// A rate as plain CSV text, to four decimals.
fn plain(rate: f64) -> String {
    Value::Real(rate).plain(4, '.')
}

/// Each period with the month its successor starts, as `YYYY-MM`, and its last month
/// (empty while it is still in force).
fn periods_with_end(rules: &RuleSet) -> Vec<(&RulePeriod, String, String)> {
    let mut periods: Vec<&RulePeriod> = rules.periods.iter().collect();
    periods.sort_by_key(|p| p.from);
    let month = |year: i32, month: u32| format!("{year}-{month:02}");
    (0..periods.len())
        .map(|i| {
            let from = periods[i].from;
            let to = periods.get(i + 1).map_or(String::new(), |next| {
                let (y, m) = if next.from.month == 1 {
                    (next.from.year - 1, 12)
                } else {
                    (next.from.year, next.from.month - 1)
                };
                month(y, m)
            });
            (periods[i], month(from.year, from.month), to)
        })
        .collect()
}

/// The CSV of `lindung rules`: one row per rule period. Columns are a contract: never
/// renamed, only appended.
pub fn write_rules_csv(rule_sets: &[RuleSet], to: impl Write) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(to);
    writer.write_record([
        "id",
        "from",
        "to",
        "jkk_pct",
        "jkm_rp",
        "jkm_death_benefit",
        "source",
        "title",
        "note",
        "jht_pct",
        "funeral_benefit",
        "jkm_waiting_months",
        "jkk_death_income_multiple",
        "jkk_death_extra",
        "scholarship_max_children",
        "scholarship_jkm_min_months",
        "scholarship_lump_sum",
    ])?;
    for rules in rule_sets {
        for (p, from, to) in periods_with_end(rules) {
            writer.write_record([
                rules.id.clone(),
                from,
                to,
                plain(p.jkk_pct),
                p.jkm_per_month.to_string(),
                p.jkm_death_benefit.to_string(),
                rules.source.clone(),
                rules.title.clone(),
                p.note.clone(),
                plain(p.jht_pct),
                p.funeral_benefit.to_string(),
                p.jkm_waiting_months.to_string(),
                p.jkk_death_income_multiple.to_string(),
                p.jkk_death_extra.to_string(),
                p.scholarship.max_children.to_string(),
                p.scholarship.jkm_min_membership_months.to_string(),
                p.scholarship.lump_sum.to_string(),
            ])?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// The readable list of rule sets: a table of periods for each, then its source.
pub(super) fn rules_text(rule_sets: &[RuleSet], lang: Lang) -> String {
    let mut text = String::new();
    for rules in rule_sets {
        text.push_str(&format!("{} — {}\n", rules.id, rules.title));
        let mut table = Table::new();
        table.load_preset(presets::ASCII_MARKDOWN);
        table.set_header(
            [
                "cli.rules.from",
                "cli.rules.to",
                "cli.rules.jkk",
                "cli.rules.jkm",
                "cli.rules.jkm_benefit",
                "cli.rules.jkk_death",
                "cli.rules.scholarship",
            ]
            .map(|k| lang.tr(k)),
        );
        for (p, from, to) in periods_with_end(rules) {
            let s = &p.scholarship;
            let scholarship = if s.lump_sum > 0 {
                lang.tr_args(
                    "cli.rules.lump_sum",
                    &[
                        ("amount", format::rupiah_short(s.lump_sum as f64, lang)),
                        ("children", s.max_children.to_string()),
                        ("months", s.jkm_min_membership_months.to_string()),
                    ],
                )
            } else {
                lang.tr_args(
                    "cli.rules.stages",
                    &[
                        ("children", s.max_children.to_string()),
                        ("months", s.jkm_min_membership_months.to_string()),
                    ],
                )
            };
            table.add_row([
                from,
                if to.is_empty() {
                    lang.tr("cli.rules.now")
                } else {
                    to
                },
                format!("{}%", format::decimal(p.jkk_pct, 2, lang)),
                format::rupiah(p.jkm_per_month as f64, lang),
                format::rupiah_short(p.jkm_death_benefit as f64, lang),
                lang.tr_args(
                    "cli.rules.jkk_death_value",
                    &[
                        ("multiple", p.jkk_death_income_multiple.to_string()),
                        (
                            "extra",
                            format::rupiah_short(p.jkk_death_extra as f64, lang),
                        ),
                    ],
                ),
                scholarship,
            ]);
        }
        text.push_str(&table.to_string());
        text.push('\n');
        for (p, from, _) in periods_with_end(rules) {
            text.push_str(&format!("  {from}: {}\n", p.note));
        }
        text.push_str(&format!("  {}: {}\n\n", lang.tr("ui.source"), rules.source));
    }
    text
}
