//! Contribution and benefit rules month by month, taken from a dated [`RuleSet`].

use crate::model::plan::{
    Assumptions, Horizon, IncomeBrackets, Programme, RulePeriod, RuleSet, ScholarshipRule,
    YearMonth,
};

use super::ModelError;
use super::compound::Compound;

/// The rules in force in each month of the horizon, with what they cost and pay.
#[derive(Clone, Debug)]
pub struct RuleTimeline {
    /// Contribution per worker per month (JKK + JKM, plus JHT when chosen), Rp.
    pub contribution: Vec<i64>,
    /// The parts of `contribution` by programme, Rp per worker per month.
    pub jkk: Vec<i64>,
    pub jkm: Vec<i64>,
    pub jht: Vec<i64>,
    /// Index into `periods` of the period in force in each month.
    pub period_of_month: Vec<usize>,
    /// Declared income (a BPU bracket) in each year of the horizon, Rp.
    pub income_by_year: Vec<i64>,
    /// Whether every rate above is the same in all twelve months of each year (no rule
    /// period starts within it): a year's cost is then its member-months times the rate.
    pub uniform_year: Vec<bool>,
    pub periods: Vec<PeriodBenefits>,
}

/// What one rule period pays, prepared for the projection.
#[derive(Clone, Debug)]
pub struct PeriodBenefits {
    pub jkm_death_benefit: i64,
    pub funeral_benefit: i64,
    pub jkm_waiting_months: u32,
    pub jkk_death_income_multiple: i64,
    pub jkk_death_extra: i64,
    pub jkm_scholarship_min_months: u32,
    /// Expected scholarship payments for one eligible death, by years after the death
    /// (index 0 = the year of the death, when the first school year is paid with the claim).
    pub scholarship_stream: Vec<f64>,
}

impl RuleTimeline {
    pub fn new(
        rules: &RuleSet,
        brackets: &IncomeBrackets,
        horizon: Horizon,
        programme: &Programme,
        assumptions: &Assumptions,
    ) -> Result<Self, ModelError> {
        let months = horizon.years as usize * 12;
        let growth = Compound::of_pct(assumptions.income_growth_pct.value);
        // The income grows; what members declare is the bracket it has reached.
        let income_by_year: Vec<i64> = (0..horizon.years as i32)
            .map(|y| {
                bracket_for(
                    brackets,
                    programme.declared_income.value as f64 * growth.at(y),
                )
            })
            .collect();
        let periods: Vec<PeriodBenefits> = rules
            .periods
            .iter()
            .map(|p| PeriodBenefits::new(p, assumptions))
            .collect();
        let mut contribution = Vec::with_capacity(months);
        let (mut jkk, mut jkm, mut jht) = (
            Vec::with_capacity(months),
            Vec::with_capacity(months),
            Vec::with_capacity(months),
        );
        let mut period_of_month = Vec::with_capacity(months);
        for i in 0..months {
            let at = YearMonth {
                year: horizon.first_year + (i / 12) as i32,
                month: (i % 12) as u32 + 1,
            };
            let index = period_index(rules, at).ok_or_else(|| ModelError::NoRuleInForce {
                rule_set: rules.id.clone(),
                year: at.year,
                month: at.month,
            })?;
            let period = &rules.periods[index];
            let income = income_by_year[i / 12];
            let jkk_month = percent_of(income, period.jkk_pct);
            let jht_month = if programme.jht {
                percent_of(income, period.jht_pct)
            } else {
                0
            };
            contribution.push(
                jkk_month
                    .saturating_add(period.jkm_per_month)
                    .saturating_add(jht_month),
            );
            jkk.push(jkk_month);
            jkm.push(period.jkm_per_month);
            jht.push(jht_month);
            period_of_month.push(index);
        }
        let uniform_year = (0..horizon.years as usize)
            .map(|y| {
                [&contribution, &jkk, &jkm, &jht].iter().all(|rates| {
                    rates[y * 12..y * 12 + 12]
                        .iter()
                        .all(|&r| r == rates[y * 12])
                })
            })
            .collect();
        Ok(Self {
            contribution,
            jkk,
            jkm,
            jht,
            period_of_month,
            income_by_year,
            uniform_year,
            periods,
        })
    }

    pub fn benefits_in_month(&self, month: usize) -> &PeriodBenefits {
        &self.periods[self.period_of_month[month]]
    }
}

/// The period in force at `at`: the last one (by `from`) that is not after it.
pub fn period_index(rules: &RuleSet, at: YearMonth) -> Option<usize> {
    rules
        .periods
        .iter()
        .enumerate()
        .filter(|(_, p)| p.from <= at)
        .max_by_key(|(_, p)| p.from)
        .map(|(i, _)| i)
}

/// The declared income for an actual income: the nominal income of the bracket whose range
/// holds it (with no table, the income itself).
pub fn bracket_for(brackets: &IncomeBrackets, income: f64) -> i64 {
    match brackets.row_for(income) {
        Some(row) => row.nominal,
        None => income.round() as i64,
    }
}

/// `pct` percent of `amount`, rounded to whole Rupiah as contributions are billed.
pub fn percent_of(amount: i64, pct: f64) -> i64 {
    (amount as f64 * pct / 100.0).round() as i64
}

impl PeriodBenefits {
    fn new(period: &RulePeriod, assumptions: &Assumptions) -> Self {
        let children = capped_children(
            assumptions.children_per_member.value,
            period.scholarship.max_children,
        );
        let a = assumptions;
        let stream = scholarship_stream(
            &period.scholarship,
            &a.school_mix.value,
            [
                1.0,
                a.continuation_smp_pct.value / 100.0,
                a.continuation_sma_pct.value / 100.0,
                a.higher_education_pct.value / 100.0,
            ],
        )
        .into_iter()
        .map(|per_child| per_child * children)
        .collect();
        Self {
            jkm_death_benefit: period.jkm_death_benefit,
            funeral_benefit: period.funeral_benefit,
            jkm_waiting_months: period.jkm_waiting_months,
            jkk_death_income_multiple: period.jkk_death_income_multiple,
            jkk_death_extra: period.jkk_death_extra,
            jkm_scholarship_min_months: period.scholarship.jkm_min_membership_months,
            scholarship_stream: stream,
        }
    }

    /// JKK death benefit at a declared income: multiple × income + funeral and periodic.
    pub fn jkk_death_benefit(&self, income: i64) -> i64 {
        self.jkk_death_income_multiple
            .saturating_mul(income)
            .saturating_add(self.jkk_death_extra)
    }
}

/// Expected children paid a scholarship per eligible death: the number of school-age
/// children of a deceased member is taken to be Poisson-distributed with mean `mean` (no
/// published distribution for poor households was found), and at most `cap` are paid, so
/// E[min(K, cap)] = Σ_{k<cap} k·P(K = k) + cap·P(K ≥ cap).
pub fn capped_children(mean: f64, cap: u32) -> f64 {
    if mean.is_nan() || mean <= 0.0 || cap == 0 {
        return 0.0;
    }
    let mut p = (-mean).exp();
    let (mut expected, mut below) = (0.0, 0.0);
    for k in 0..cap {
        expected += f64::from(k) * p;
        below += p;
        p *= mean / f64::from(k + 1);
    }
    expected + f64::from(cap) * (1.0 - below).max(0.0)
}

/// Expected scholarship payments for one child, by years after the parent's death (index 0:
/// the year of the death: the first scholarship is claimed with the death benefit, at the
/// child's current level — kicaunews 2025-01-14, ambon.tribunnews 2021-04-23).
///
/// A child at a stage is equally likely to be in any of its years and is paid for the years
/// left in it; it goes on to each next stage with the probability in `continue_to` (TK→SD,
/// SD→SMP, SMP→SMA, SMA→PT), and is paid for every later stage it reaches in full.
pub fn scholarship_stream(
    rule: &ScholarshipRule,
    mix: &crate::model::plan::SchoolMix,
    continue_to: [f64; 4],
) -> Vec<f64> {
    let stages = [
        (rule.tk, mix.tk),
        (rule.sd, mix.sd),
        (rule.smp, mix.smp),
        (rule.sma, mix.sma),
        (rule.pt, mix.pt),
    ];
    if rule.lump_sum > 0 {
        // Paid once, with the claim, for a child in school at any level.
        let in_school = (mix.total() / 100.0).clamp(0.0, 1.0);
        return vec![rule.lump_sum as f64 * in_school];
    }
    let longest: usize = stages.iter().map(|(s, _)| s.years as usize).sum();
    let mut stream = vec![0.0; longest];
    for (start, (stage, share_pct)) in stages.iter().enumerate() {
        let share = share_pct.max(0.0) / 100.0;
        if share == 0.0 || stage.years == 0 {
            continue;
        }
        let weight = share / stage.years as f64;
        for years_left in 1..=stage.years as usize {
            let mut k = 0;
            // The chance that the child is still in school at this stage.
            let mut factor = 1.0;
            for (index, (later, _)) in stages.iter().enumerate().skip(start) {
                let years = if index == start {
                    years_left
                } else {
                    factor *= continue_to[index - 1].clamp(0.0, 1.0);
                    later.years as usize
                };
                for _ in 0..years {
                    stream[k] += weight * factor * later.per_year as f64;
                    k += 1;
                }
            }
        }
    }
    while stream.last() == Some(&0.0) {
        stream.pop();
    }
    stream
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::IncomeBracket;

    #[test]
    fn the_two_children_cap_applies_to_a_distribution() {
        // K ~ Poisson(1,2): P(0) = e^-1,2 = 0,301194, P(1) = 1,2 × 0,301194 = 0,361433,
        // P(K ≥ 2) = 1 − 0,301194 − 0,361433 = 0,337373: E[min(K, 2)] = 0,361433 +
        // 2 × 0,337373 = 1,036179 (not min(1,2; 2) = 1,2).
        assert!((capped_children(1.2, 2) - 1.036_179).abs() < 1e-6);
        // A cap of 1: P(K ≥ 1) = 1 − e^-1,2 = 0,698806.
        assert!((capped_children(1.2, 1) - 0.698_806).abs() < 1e-6);
        assert_eq!(capped_children(0.0, 2), 0.0);
        // A very high cap leaves the mean.
        assert!((capped_children(1.2, 40) - 1.2).abs() < 1e-9);
    }

    #[test]
    fn growing_income_steps_through_brackets() {
        let row = |from, nominal| IncomeBracket { from, nominal };
        // The first rows of Lampiran II PP 44/2015: up to Rp1.099.999 declares Rp1.000.000,
        // Rp1.100.000–1.299.999 declares Rp1.200.000, Rp1.300.000–1.499.999 Rp1.400.000.
        let table = IncomeBrackets {
            rows: vec![
                row(0, 1_000_000),
                row(1_100_000, 1_200_000),
                row(1_300_000, 1_400_000),
            ],
            source: String::new(),
        };
        // Rp1.000.000 grown 5% = Rp1.050.000: still the first bracket; grown 10% =
        // Rp1.100.000: the second (Rp1.200.000); grown 44% = Rp1.440.000: the third; anything
        // above the top row's start declares the top.
        assert_eq!(bracket_for(&table, 1_050_000.0), 1_000_000);
        assert_eq!(bracket_for(&table, 1_100_000.0), 1_200_000);
        assert_eq!(bracket_for(&table, 1_440_000.0), 1_400_000);
        assert_eq!(bracket_for(&table, 90_000_000.0), 1_400_000);
        assert_eq!(bracket_for(&table, 500_000.0), 1_000_000);
    }
}
