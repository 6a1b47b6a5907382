//! What a projection means, as data first and sentences second: the money and the people it
//! protects, whether the UCJ target is reached, what reaches families per Rupiah, what is
//! still owed after the horizon. The cards, the command line and the reports say the same
//! numbers because they all read them here.

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::{Direction, Plan};
use crate::model::{Projection, YearResult};

/// A figure in the first and the last year of the horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span<T> {
    pub first: T,
    pub last: T,
    /// Whether every year has the same figure.
    pub constant: bool,
}

impl<T: Copy + PartialEq> Span<T> {
    fn of(rows: &[YearResult], value: impl Fn(&YearResult) -> T) -> Option<Self> {
        let (first, last) = (value(rows.first()?), value(rows.last()?));
        Some(Self {
            first,
            last,
            constant: rows.iter().all(|r| value(r) == first),
        })
    }
}

/// The UCJ target, and when (or whether) the projection reaches it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UcjTarget {
    pub target_pct: f64,
    /// The first year the UCJ reaches the target.
    pub reached_in: Option<i32>,
    /// The UCJ in the last year.
    pub last_pct: f64,
}

/// What reaches families for the money, over the horizon.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Leverage {
    pub benefits: f64,
    pub cost: i64,
    /// Benefits per Rupiah of contributions (all payers).
    pub per_rupiah: f64,
    /// The APBD's part of the cost and the benefits per Rupiah of it, when an APBD is given.
    pub apbd: Option<(i64, f64)>,
}

/// The findings of a projection, for the total or one region.
#[derive(Clone, Debug, PartialEq)]
pub struct Findings {
    pub first_year: i32,
    pub last_year: i32,
    pub direction: Direction,
    /// The budget cap (budget-cap direction).
    pub budget: Option<Span<i64>>,
    /// Contributions paid over the horizon, all payers.
    pub cost_sum: i64,
    /// Members paid for at year end.
    pub enrolled: Span<i64>,
    /// Share of the pool enrolled in the last year, %.
    pub coverage_last_pct: f64,
    /// Expected deaths of members a year, on average over the horizon.
    pub deaths_per_year: f64,
    /// The JKM death benefit a family receives, Rp.
    pub jkm_death_benefit: i64,
    pub ucj: Option<UcjTarget>,
    pub leverage: Leverage,
    /// Scholarships still owed after the horizon to children of members who died within it.
    pub scholarships_owed: f64,
}

impl Findings {
    /// The findings for region `only`, or for the whole plan. `None` for a horizon with no
    /// years.
    pub fn of(plan: &Plan, projection: &Projection, only: Option<usize>) -> Option<Self> {
        let rows = projection.years_of(only);
        let (first, last) = (rows.first()?, rows.last()?);
        let sum = Projection::horizon_sum(rows);
        let scholarships_owed = match only.and_then(|i| projection.regions.get(i)) {
            Some(region) => region.scholarships_after_horizon,
            None => projection.scholarships_after_horizon,
        };
        let ucj = plan.meta.ucj_target.as_ref().map(|target| UcjTarget {
            target_pct: target.value,
            reached_in: rows
                .iter()
                .find(|r| r.ucj_pct() >= target.value)
                .map(|r| r.year),
            last_pct: last.ucj_pct(),
        });
        Some(Self {
            first_year: first.year,
            last_year: last.year,
            direction: plan.direction,
            budget: match plan.direction {
                Direction::BudgetCap => Span::of(rows, |r| r.budget.unwrap_or(0)),
                Direction::CoverageTarget => None,
            },
            cost_sum: sum.cost_total,
            enrolled: Span::of(rows, |r| r.enrolled_end)?,
            coverage_last_pct: last.coverage_pct(),
            deaths_per_year: sum.deaths_expected / rows.len() as f64,
            jkm_death_benefit: projection.jkm_death_benefit,
            ucj,
            leverage: Leverage {
                benefits: sum.benefits_paid(),
                cost: sum.cost_total,
                per_rupiah: sum.benefits_per_rupiah(),
                apbd: sum
                    .benefits_per_apbd_rupiah()
                    .map(|ratio| (sum.apbd_cost, ratio)),
            },
            scholarships_owed,
        })
    }

    /// The plain-language summary: what the money buys and what it brings families.
    /// "Dengan pagu Rp3 miliar per tahun, 14.880 pekerja rentan terlindungi setiap tahun
    /// 2026–2030; setiap tahun sekitar 37 keluarga diperkirakan menerima santunan kematian
    /// Rp42 juta."
    pub fn summary(&self, lang: Lang) -> String {
        let money = |v: i64| format::rupiah_short(v as f64, lang);
        let (first, last) = (self.first_year.to_string(), self.last_year.to_string());
        let years = if self.first_year == self.last_year {
            first.clone()
        } else {
            format!("{first}–{last}")
        };
        let protected = if self.enrolled.constant {
            lang.tr_args(
                "findings.protected_every_year",
                &[
                    ("count", format::count(self.enrolled.last, lang)),
                    ("years", years.clone()),
                ],
            )
        } else {
            lang.tr_args(
                "findings.protected_from_to",
                &[
                    ("first_count", format::count(self.enrolled.first, lang)),
                    ("first", first.clone()),
                    ("last_count", format::count(self.enrolled.last, lang)),
                    ("last", last.clone()),
                ],
            )
        };
        let money_part = match self.budget {
            Some(budget) if budget.constant => lang.tr_args(
                "findings.budget_per_year",
                &[("amount", money(budget.first)), ("protected", protected)],
            ),
            Some(budget) => lang.tr_args(
                "findings.budget_from_to",
                &[
                    ("first_amount", money(budget.first)),
                    ("first", first),
                    ("last_amount", money(budget.last)),
                    ("last", last),
                    ("protected", protected),
                ],
            ),
            None => lang.tr_args(
                "findings.cost_for",
                &[
                    ("protected", protected),
                    ("coverage", format::percent(self.coverage_last_pct, lang)),
                    ("sum", money(self.cost_sum)),
                    ("years", years),
                    ("last", last),
                ],
            ),
        };
        let families = if self.deaths_per_year >= 0.5 || self.deaths_per_year <= 0.0 {
            lang.tr_args(
                "findings.families_per_year",
                &[
                    ("count", format::people(self.deaths_per_year, lang)),
                    ("benefit", money(self.jkm_death_benefit)),
                ],
            )
        } else {
            // Fewer than one a year: one family every few years.
            let every = (1.0 / self.deaths_per_year).round();
            lang.tr_args(
                "findings.one_family_every",
                &[
                    ("years", format::people(every, lang)),
                    ("benefit", money(self.jkm_death_benefit)),
                ],
            )
        };
        format!("{money_part}; {families}.")
    }

    /// Whether the UCJ target is reached, and when; `None` without a target.
    pub fn ucj_sentence(&self, lang: Lang) -> Option<String> {
        let ucj = self.ucj?;
        let target = format::percent(ucj.target_pct, lang);
        Some(match ucj.reached_in {
            Some(year) => lang.tr_args(
                "cli.ucj_reached",
                &[("target", target), ("year", year.to_string())],
            ),
            None => lang.tr_args(
                "cli.ucj_not_reached",
                &[
                    ("target", target),
                    ("year", self.last_year.to_string()),
                    ("ucj", format::percent(ucj.last_pct, lang)),
                ],
            ),
        })
    }

    /// What reaches families per Rupiah of contributions, and per Rupiah of APBD.
    pub fn leverage_sentence(&self, lang: Lang) -> String {
        let l = self.leverage;
        let mut text = lang.tr_args(
            "cli.leverage",
            &[
                ("benefits", format::rupiah_short(l.benefits, lang)),
                ("cost", format::rupiah_short(l.cost as f64, lang)),
                ("ratio", format::decimal(l.per_rupiah, 2, lang)),
            ],
        );
        if let Some((apbd, ratio)) = l.apbd {
            text.push(' ');
            text.push_str(&lang.tr_args(
                "cli.leverage_apbd",
                &[
                    ("apbd", format::rupiah_short(apbd as f64, lang)),
                    ("ratio", format::decimal(ratio, 2, lang)),
                ],
            ));
        }
        text
    }

    /// Scholarships still owed after the horizon; `None` when nothing is.
    pub fn scholarships_sentence(&self, lang: Lang) -> Option<String> {
        (self.scholarships_owed > 0.0).then(|| {
            lang.tr_args(
                "scholarships_after",
                &[
                    ("amount", format::rupiah_short(self.scholarships_owed, lang)),
                    ("year", self.last_year.to_string()),
                ],
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> (Plan, Projection) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios")
            .join(name);
        let plan = match crate::scenario::load(&path) {
            Ok(loaded) => loaded.plan,
            Err(problems) => panic!("{problems:?}"),
        };
        match crate::scenario::evaluate(&plan) {
            Ok(projection) => (plan, projection),
            Err(problems) => panic!("{problems:?}"),
        }
    }

    #[test]
    fn a_budget_summary_says_what_the_money_buys_and_brings_families() {
        let (plan, projection) = example("sigi-anggaran-2026.ron");
        let Some(findings) = Findings::of(&plan, &projection, None) else {
            panic!("five years");
        };
        // Sigi's cap is Rp3 miliar each year (the example's budget, growth 0%).
        assert_eq!(
            findings.budget.map(|b| (b.first, b.constant)),
            Some((3_000_000_000, true))
        );
        // The JKM death benefit of PP 82/2019 is Rp42 juta.
        assert_eq!(findings.jkm_death_benefit, 42_000_000);
        // Deaths a year are the horizon's sum over its 5 years.
        let sum: f64 = projection.total.iter().map(|r| r.deaths_expected).sum();
        assert!((findings.deaths_per_year - sum / 5.0).abs() < 1e-9);
        let text = findings.summary(Lang::Id);
        assert!(
            text.starts_with("Dengan pagu Rp3 miliar per tahun, "),
            "{text}"
        );
        assert!(text.contains("santunan kematian Rp42 juta."), "{text}");
        let english = findings.summary(Lang::En);
        assert!(
            english.starts_with("With a budget of Rp3 billion a year, "),
            "{english}"
        );
    }

    #[test]
    fn a_coverage_summary_says_what_it_costs_and_the_ucj_target() {
        let (plan, projection) = example("sulteng-2026.ron");
        let Some(findings) = Findings::of(&plan, &projection, None) else {
            panic!("five years");
        };
        let text = findings.summary(Lang::Id);
        // Sulteng ramps to 100% of the pool by 2030.
        assert!(text.contains("(100,0% sasaran pada 2030)"), "{text}");
        assert!(text.contains("2026–2030"), "{text}");
        // The province's UCJ target is 71%; the programme alone does not reach it.
        let ucj = findings.ucj_sentence(Lang::Id).unwrap_or_default();
        assert!(ucj.starts_with("Target UCJ 71,0% belum tercapai"), "{ucj}");
    }

    #[test]
    fn fewer_than_one_death_a_year_is_one_family_every_few_years() {
        let findings = Findings {
            first_year: 2026,
            last_year: 2026,
            direction: Direction::CoverageTarget,
            budget: None,
            cost_sum: 20_160_000,
            enrolled: Span {
                first: 100,
                last: 100,
                constant: true,
            },
            coverage_last_pct: 100.0,
            // 100 members × 1,66‰ = 0,166 deaths a year: one family about every 6 years.
            deaths_per_year: 0.166,
            jkm_death_benefit: 42_000_000,
            ucj: None,
            leverage: Leverage {
                benefits: 0.0,
                cost: 20_160_000,
                per_rupiah: 0.0,
                apbd: None,
            },
            scholarships_owed: 0.0,
        };
        let text = findings.summary(Lang::Id);
        assert!(text.contains("sekitar 1 keluarga setiap 6 tahun"), "{text}");
    }
}
