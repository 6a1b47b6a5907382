//! Asumsi: death rates (one rate, or a table by age band and sex with a loading), work
//! accidents, scholarships and the poverty line, each with its source.

use super::fields::{Fields, Unit};
use super::grid;
use crate::model::defaults;
use crate::model::limits::MAX_TEXT_CHARS;
use crate::model::plan::field::{FieldPath, plan};
use crate::model::plan::{Assumptions, Mortality, ObservedDeaths, Sourced, YearMonth};

pub fn ui(ui: &mut egui::Ui, fields: Fields<'_>, assumptions: &mut Assumptions) {
    let p = plan().assumptions();
    mortality_ui(ui, fields, &mut assumptions.mortality);
    let Assumptions {
        mortality: _,
        jkk_deaths_per_mille,
        nonfatal_accidents_per_mille,
        accident_care_avg,
        accident_cash_months,
        children_per_member,
        school_mix,
        continuation_smp_pct,
        continuation_sma_pct,
        higher_education_pct,
        jkm_waiting_rule,
        income_growth_pct,
        household_poverty_line,
        observed_deaths,
    } = assumptions;
    grid(ui, "assumptions", |ui| {
        sourced_float(
            ui,
            fields,
            "jkk_deaths",
            p.jkk_deaths_per_mille().value(),
            jkk_deaths_per_mille,
            Unit::PerMille,
            3,
        );
        sourced_float(
            ui,
            fields,
            "accident_claims",
            p.nonfatal_accidents_per_mille().value(),
            nonfatal_accidents_per_mille,
            Unit::PerMille,
            2,
        );
        let source = accident_care_avg.source.clone();
        fields.int(
            ui,
            "accident_care_avg",
            p.accident_care_avg().value(),
            &mut accident_care_avg.value,
            Unit::Rupiah,
            Some(&source),
        );
        fields.source(ui, &mut accident_care_avg.source);
        sourced_float(
            ui,
            fields,
            "accident_cash_months",
            p.accident_cash_months().value(),
            accident_cash_months,
            Unit::MonthsOfIncome,
            1,
        );
        sourced_float(
            ui,
            fields,
            "children_per_member",
            p.children_per_member().value(),
            children_per_member,
            Unit::Children,
            2,
        );
    });
    ui.label(egui::RichText::new(fields.tr("ui.group.school_mix")).strong())
        .on_hover_text(format!(
            "{}\n\n{}: {}",
            fields.tr("ui.help.school_mix"),
            fields.tr("ui.source"),
            school_mix.source
        ));
    grid(ui, "school_mix", |ui| {
        let m = p.school_mix().value();
        let mix = &mut school_mix.value;
        for (name, at, value) in [
            ("tk", m.tk(), &mut mix.tk),
            ("sd", m.sd(), &mut mix.sd),
            ("smp", m.smp(), &mut mix.smp),
            ("sma", m.sma(), &mut mix.sma),
            ("pt", m.pt(), &mut mix.pt),
        ] {
            fields.float(
                ui,
                &format!("school_{name}"),
                at,
                value,
                Unit::Percent,
                1,
                None,
            );
        }
        fields.source(ui, &mut school_mix.source);
    });
    fields.problems_below(ui, p.school_mix().value().whole());
    grid(ui, "assumptions_more", |ui| {
        sourced_float(
            ui,
            fields,
            "continuation_smp",
            p.continuation_smp_pct().value(),
            continuation_smp_pct,
            Unit::Percent,
            1,
        );
        sourced_float(
            ui,
            fields,
            "continuation_sma",
            p.continuation_sma_pct().value(),
            continuation_sma_pct,
            Unit::Percent,
            1,
        );
        sourced_float(
            ui,
            fields,
            "higher_education",
            p.higher_education_pct().value(),
            higher_education_pct,
            Unit::Percent,
            1,
        );
        sourced_float(
            ui,
            fields,
            "income_growth",
            p.income_growth_pct().value(),
            income_growth_pct,
            Unit::PercentPerYear,
            2,
        );
        let source = household_poverty_line.source.clone();
        fields.int(
            ui,
            "poverty_line",
            p.household_poverty_line().value(),
            &mut household_poverty_line.value,
            Unit::RupiahPerMonth,
            Some(&source),
        );
        fields.source(ui, &mut household_poverty_line.source);
    });
    ui.checkbox(
        &mut jkm_waiting_rule.value,
        fields.tr("ui.field.waiting_rule"),
    )
    .on_hover_text(format!(
        "{}\n\n{}: {}",
        fields.tr("ui.help.waiting_rule"),
        fields.tr("ui.source"),
        jkm_waiting_rule.source
    ));
    ui.colored_label(
        ui.visuals().warn_fg_color,
        fields.tr("ui.waiting_rule.disputed"),
    );
    observed_ui(ui, fields, observed_deaths);
}

/// Deaths the Pemda's own members had: when given, the JKM rate is calibrated on them.
fn observed_ui(ui: &mut egui::Ui, fields: Fields<'_>, observed: &mut Option<ObservedDeaths>) {
    let mut known = observed.is_some();
    if ui
        .checkbox(&mut known, fields.tr("ui.field.observed_deaths"))
        .on_hover_text(fields.tr("ui.help.observed_deaths"))
        .changed()
    {
        *observed = known.then(|| ObservedDeaths {
            deaths: 0,
            member_years: 0.0,
            from: YearMonth {
                year: 2024,
                month: 1,
            },
            to: YearMonth {
                year: 2024,
                month: 12,
            },
            prior_member_years: defaults::PRIOR_MEMBER_YEARS,
            source: String::new(),
        });
    }
    let Some(o) = observed else {
        return;
    };
    let p = plan().assumptions().observed_deaths();
    grid(ui, "observed_deaths", |ui| {
        let source = o.source.clone();
        fields.int(
            ui,
            "observed_count",
            p.deaths(),
            &mut o.deaths,
            Unit::Workers,
            Some(&source),
        );
        fields.float(
            ui,
            "observed_member_years",
            p.member_years(),
            &mut o.member_years,
            Unit::MemberYears,
            0,
            Some(&source),
        );
        for (name, path, at) in [
            ("observed_from", p.from(), &mut o.from),
            ("observed_to", p.to(), &mut o.to),
        ] {
            let (year, month) = (format!("{name}_year"), format!("{name}_month"));
            fields.int(ui, &year, path.year(), &mut at.year, Unit::Year, None);
            fields.int(ui, &month, path.month(), &mut at.month, Unit::Month, None);
        }
        fields.float(
            ui,
            "prior_member_years",
            p.prior_member_years(),
            &mut o.prior_member_years,
            Unit::MemberYears,
            0,
            None,
        );
        fields.source(ui, &mut o.source);
    });
}

fn sourced_float(
    ui: &mut egui::Ui,
    fields: Fields<'_>,
    name: &str,
    path: FieldPath,
    sourced: &mut Sourced<f64>,
    unit: Unit,
    decimals: usize,
) {
    let source = sourced.source.clone();
    fields.float(
        ui,
        name,
        path,
        &mut sourced.value,
        unit,
        decimals,
        Some(&source),
    );
    fields.source(ui, &mut sourced.source);
}

fn mortality_ui(ui: &mut egui::Ui, fields: Fields<'_>, mortality: &mut Mortality) {
    let flat = matches!(mortality, Mortality::Flat(_));
    ui.horizontal(|ui| {
        ui.label(fields.tr("ui.field.mortality_kind"))
            .on_hover_text(fields.tr("ui.help.mortality_kind"));
        if ui
            .selectable_label(flat, fields.tr("ui.mortality.flat"))
            .clicked()
            && !flat
        {
            *mortality = defaults::assumptions().mortality;
        }
        if ui
            .selectable_label(!flat, fields.tr("ui.mortality.bands"))
            .clicked()
            && flat
        {
            *mortality = Mortality::AgeBands(defaults::tmi_iv_bands());
        }
    });
    let m = plan().assumptions().mortality();
    match mortality {
        Mortality::Flat(rate) => {
            grid(ui, "mortality_flat", |ui| {
                sourced_float(ui, fields, "death_rate", m.value(), rate, Unit::PerMille, 2);
            });
        }
        Mortality::AgeBands(table) => {
            grid(ui, "mortality_table", |ui| {
                fields.float(
                    ui,
                    "loading",
                    m.loading(),
                    &mut table.loading,
                    Unit::Factor,
                    2,
                    Some(&table.source),
                );
                fields.float(
                    ui,
                    "male_pct",
                    m.male_pct(),
                    &mut table.male_pct,
                    Unit::Percent,
                    1,
                    Some(&table.source),
                );
            });
            egui::Grid::new("bands")
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    let headers = [
                        "ui.band.age",
                        "ui.band.share",
                        "ui.band.male",
                        "ui.band.female",
                    ]
                    .map(|key| {
                        ui.label(egui::RichText::new(fields.tr(key)).strong())
                            .on_hover_text(fields.tr(&format!("{key}_help")))
                            .id
                    });
                    ui.end_row();
                    let lang = fields.lang;
                    for band in &mut table.bands {
                        ui.label(format!("{}–{}", band.from, band.to));
                        for (value, decimals, what, header) in [
                            (&mut band.share_pct, 1, "share_pct", headers[1]),
                            (&mut band.male_per_mille, 2, "male_per_mille", headers[2]),
                            (
                                &mut band.female_per_mille,
                                2,
                                "female_per_mille",
                                headers[3],
                            ),
                        ] {
                            let label = lang.tr_args(
                                &format!("ui.band.{what}_label"),
                                &[("from", band.from.to_string()), ("to", band.to.to_string())],
                            );
                            ui.add(
                                egui::DragValue::new(value)
                                    .speed(0.05)
                                    .custom_formatter(move |v, _| {
                                        crate::format::decimal(v, decimals, lang)
                                    })
                                    .custom_parser(move |t| {
                                        super::fields::number_from_text(
                                            t,
                                            lang,
                                            super::fields::NumberKind::Decimal,
                                        )
                                    }),
                            )
                            .labelled_by(header)
                            .on_hover_text(label);
                        }
                        ui.end_row();
                    }
                });
            fields.problems_below(ui, m.bands());
            for i in 0..table.bands.len() {
                let band = m.band(i);
                for at in [
                    band.from(),
                    band.share_pct(),
                    band.male_per_mille(),
                    band.female_per_mille(),
                ] {
                    fields.problems_below(ui, at);
                }
            }
            ui.horizontal(|ui| {
                let label = ui.label(egui::RichText::new(fields.tr("ui.source")).weak());
                let full = table.source.clone();
                ui.add(
                    egui::TextEdit::singleline(&mut table.source)
                        .desired_width(super::fields::width_to_edge(ui))
                        .clip_text(true)
                        .char_limit(MAX_TEXT_CHARS),
                )
                .labelled_by(label.id)
                .on_hover_text(full);
            });
        }
    }
}
