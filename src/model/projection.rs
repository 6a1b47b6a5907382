//! Month-by-month projection of one region: who is enrolled, what it costs, who pays, and
//! what reaches families.

use crate::scenario::types::{
    Basis, Budget, CoveragePath, Direction, Horizon, PayerKind, Region, Wave,
};

use crate::scenario::validate::MAX_COUNT;

use super::outcomes::{MonthlyRates, poisson_quantile};
use super::results::YearResult;
use super::rules::RuleTimeline;

/// Members who joined in the same month. Sizes are fractional only after a cut, which removes
/// the same share of every cohort.
#[derive(Clone, Copy, Debug)]
struct Cohort {
    /// Month index (0 = January of the first year) from which the cohort is paid for;
    /// negative for members enrolled before the horizon.
    start: i32,
    size: f64,
}

/// Members already enrolled at the start are taken to have joined one year earlier.
const START_MEMBERS_JOINED: i32 = -12;

pub fn project_region(
    region: &Region,
    horizon: Horizon,
    direction: Direction,
    rules: &RuleTimeline,
    rates: &MonthlyRates,
) -> (Vec<YearResult>, f64) {
    let years = horizon.years as usize;
    let waves = sorted_waves(&region.coverage.waves);
    let pool_growth = 1.0 + region.pool.growth_pct / 100.0;
    // Growth is bounded so that no sum can overflow, however long the horizon.
    let pool_at = |y: usize| {
        ((region.pool.count as f64 * pool_growth.powi(y as i32)).round() as i64).min(MAX_COUNT)
    };

    let start = fraction_of(region.coverage.start_pct, pool_at(0)).clamp(0, pool_at(0));
    let mut cohorts = vec![Cohort {
        start: START_MEMBERS_JOINED,
        size: start as f64,
    }];
    let mut enrolled = start;
    // Scholarship payments by year; the years after the horizon hold what is still owed then.
    let longest_stream = rules
        .periods
        .iter()
        .map(|p| p.scholarship_stream.len())
        .max()
        .unwrap_or(0);
    let mut scholarships = vec![0.0; years + longest_stream];
    let mut rows = Vec::with_capacity(years);

    for y in 0..years {
        let pool = pool_at(y);
        let month_costs = &rules.contribution[y * 12..y * 12 + 12];
        let year_cost: i64 = month_costs.iter().sum();
        let budget = match direction {
            Direction::CoverageTarget => None,
            Direction::BudgetCap => Some(budget_in_year(&region.budget, y)),
        };
        let (january, new) = match budget {
            None => {
                let target = fraction_of(path_share(region, horizon.years, y), pool).clamp(0, pool);
                if target < enrolled {
                    (target, 0)
                } else {
                    (enrolled, target - enrolled)
                }
            }
            Some(budget) => {
                let kept = enrolled.min(pool);
                if kept.saturating_mul(year_cost) > budget {
                    (budget.max(0) / year_cost.max(1), 0)
                } else {
                    let left = budget - kept.saturating_mul(year_cost);
                    (
                        kept,
                        most_new_within(left, pool - kept, &waves, month_costs),
                    )
                }
            }
        };
        if january < enrolled && enrolled > 0 {
            let keep = january as f64 / enrolled as f64;
            for c in &mut cohorts {
                c.size *= keep;
            }
        }
        let wave_counts = split_into_waves(new, &waves);
        for (wave, count) in waves.iter().zip(&wave_counts) {
            if *count > 0 {
                cohorts.push(Cohort {
                    start: (y * 12) as i32 + wave.month as i32 - 1,
                    size: *count as f64,
                });
            }
        }

        let mut row = YearResult {
            year: horizon.first_year + y as i32,
            pool,
            enrolled_new: new,
            enrolled_cut: (enrolled - january).max(0),
            budget,
            ..YearResult::default()
        };
        let mut monthly = [0_i64; 12];
        let mut members = january;
        for (m, members_in_month) in monthly.iter_mut().enumerate() {
            for (wave, count) in waves.iter().zip(&wave_counts) {
                if wave.month as usize == m + 1 {
                    members += count;
                }
            }
            *members_in_month = members;
            let month = y * 12 + m;
            row.cost_total = row
                .cost_total
                .saturating_add(members.saturating_mul(month_costs[m]));
            add_month_outcomes(&mut row, &mut scholarships, &cohorts, month, rules, rates);
        }
        enrolled = members;
        row.enrolled_end = members;
        row.member_years = monthly.iter().sum::<i64>() as f64 / 12.0;
        row.enrolled_avg = row.member_years;
        row.cost_by_payer = split_by_payer(region, &monthly, month_costs, row.cost_total);

        let workforce = &region.workforce;
        row.employed = workforce.employed as f64
            * (1.0 + workforce.employed_growth_pct / 100.0).powi(y as i32);
        row.covered_other = workforce.covered_other() as f64
            * (1.0 + workforce.covered_growth_pct / 100.0).powi(y as i32);
        row.apbd_total = region
            .funding
            .apbd
            .as_ref()
            .map(|apbd| apbd.total as f64 * (1.0 + apbd.growth_pct / 100.0).powi(y as i32));
        row.apbd_cost = row.cost_of(region.level.own_payer());
        rows.push(row);
    }
    let after_horizon = scholarships[years..].iter().sum();
    for (row, paid) in rows.iter_mut().zip(scholarships) {
        row.scholarships_paid = paid;
        row.deaths_p05 = poisson_quantile(row.deaths_expected, 0.05);
        row.deaths_p95 = poisson_quantile(row.deaths_expected, 0.95);
    }
    (rows, after_horizon)
}

/// Deaths, accidents and benefits of one month, from the cohorts in force.
fn add_month_outcomes(
    row: &mut YearResult,
    scholarships: &mut [f64],
    cohorts: &[Cohort],
    month: usize,
    rules: &RuleTimeline,
    rates: &MonthlyRates,
) {
    let benefits = rules.benefits_in_month(month);
    let income = rules.income_by_year[month / 12];
    let mut members = 0.0;
    let mut waiting = 0.0;
    let mut long_members = 0.0;
    for c in cohorts.iter().filter(|c| c.start <= month as i32) {
        let months_in = month as i32 - c.start;
        members += c.size;
        if months_in < benefits.jkm_waiting_months as i32 {
            waiting += c.size;
        }
        if months_in >= benefits.jkm_scholarship_min_months as i32 {
            long_members += c.size;
        }
    }
    let deaths = members * rates.death;
    let jkk_deaths = deaths * rates.work_accident_share;
    let jkm_deaths = deaths - jkk_deaths;
    let jkm_waiting = if rates.waiting_rule {
        waiting * rates.death * (1.0 - rates.work_accident_share)
    } else {
        0.0
    };
    row.deaths_expected += deaths;
    row.jkk_deaths += jkk_deaths;
    row.jkm_deaths += jkm_deaths;
    row.waiting_deaths += jkm_waiting;
    row.death_benefits += (jkm_deaths - jkm_waiting) * benefits.jkm_death_benefit as f64
        + jkm_waiting * benefits.funeral_benefit as f64
        + jkk_deaths * benefits.jkk_death_benefit(income) as f64;
    let claims = members * rates.accident_claim;
    row.accident_claims += claims;
    row.accident_benefits += claims * rates.accident_claim_avg;

    // Scholarships: every work-accident death, and JKM deaths after the minimum membership.
    let eligible = jkk_deaths + long_members * rates.death * (1.0 - rates.work_accident_share);
    if eligible > 0.0 {
        let year = month / 12;
        for (paid, amount) in scholarships[year..]
            .iter_mut()
            .zip(&benefits.scholarship_stream)
        {
            *paid += eligible * amount;
        }
    }
}

/// `pct` percent of `count`, to the nearest whole worker.
fn fraction_of(pct: f64, count: i64) -> i64 {
    (pct / 100.0 * count as f64).round() as i64
}

/// Share of the pool enrolled at the end of year `y` (0-based), %.
pub fn path_share(region: &Region, years: u32, y: usize) -> f64 {
    let start = region.coverage.start_pct;
    let progress = (y + 1) as f64 / years.max(1) as f64;
    match &region.coverage.path {
        CoveragePath::Ramp { target_pct } => start + (target_pct - start) * progress,
        CoveragePath::SCurve { target_pct } => start + (target_pct - start) * s_curve(progress),
        CoveragePath::PerYear(values) => values.get(y).or(values.last()).copied().unwrap_or(start),
    }
}

/// Logistic curve through (0, 0) and (1, 1), steepest in the middle of the horizon.
fn s_curve(x: f64) -> f64 {
    const STEEPNESS: f64 = 8.0;
    let f = |x: f64| 1.0 / (1.0 + (-STEEPNESS * (x - 0.5)).exp());
    (f(x) - f(0.0)) / (f(1.0) - f(0.0))
}

fn budget_in_year(budget: &Budget, y: usize) -> i64 {
    match budget {
        Budget::Growing { amount, growth_pct } => {
            (*amount as f64 * (1.0 + growth_pct / 100.0).powi(y as i32)).round() as i64
        }
        Budget::PerYear(values) => values.get(y).or(values.last()).copied().unwrap_or(0),
    }
}

/// Waves in month order; with no usable wave everyone joins in January.
fn sorted_waves(waves: &[Wave]) -> Vec<Wave> {
    let mut sorted: Vec<Wave> = waves
        .iter()
        .filter(|w| (1..=12).contains(&w.month) && w.share_pct > 0.0)
        .copied()
        .collect();
    sorted.sort_by_key(|w| w.month);
    if sorted.is_empty() {
        sorted.push(Wave {
            month: 1,
            share_pct: 100.0,
        });
    }
    sorted
}

/// Splits `new` workers over the waves by rounding the running total, so each wave's count is
/// whole, the counts add up to `new`, and more workers never cost less.
fn split_into_waves(new: i64, waves: &[Wave]) -> Vec<i64> {
    let total: f64 = waves.iter().map(|w| w.share_pct).sum();
    let mut running = 0.0;
    let mut assigned = 0;
    waves
        .iter()
        .enumerate()
        .map(|(i, w)| {
            running += w.share_pct;
            let upto = if i + 1 == waves.len() {
                new
            } else {
                (new as f64 * running / total).round() as i64
            };
            let count = upto - assigned;
            assigned = upto;
            count
        })
        .collect()
}

/// Cost in the year of `new` workers joining in the waves.
fn cost_of_new(new: i64, waves: &[Wave], month_costs: &[i64]) -> i64 {
    split_into_waves(new, waves)
        .iter()
        .zip(waves)
        .map(|(count, wave)| {
            let months: i64 = month_costs[wave.month as usize - 1..].iter().sum();
            count.saturating_mul(months)
        })
        .fold(0, i64::saturating_add)
}

/// The most new workers (at most `room`) whose contributions this year fit in `money`.
fn most_new_within(money: i64, room: i64, waves: &[Wave], month_costs: &[i64]) -> i64 {
    if room <= 0 || money <= 0 {
        return 0;
    }
    if cost_of_new(room, waves, month_costs) <= money {
        return room;
    }
    // cost_of_new rises strictly with the number of workers: binary search.
    let (mut low, mut high) = (0, room);
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if cost_of_new(mid, waves, month_costs) <= money {
            low = mid;
        } else {
            high = mid;
        }
    }
    low
}

/// Splits a region's yearly cost between payers: worker quotas first (month by month), then
/// fixed amounts, then shares of the cost; the residual payer takes what is left.
fn split_by_payer(
    region: &Region,
    monthly_members: &[i64; 12],
    month_costs: &[i64],
    total: i64,
) -> [i64; PayerKind::ALL.len()] {
    let mut by_payer = [0_i64; PayerKind::ALL.len()];
    let mut left = total;
    let mut members_left = *monthly_members;
    for payer in &region.funding.payers {
        if let Basis::Workers(quota) = payer.basis {
            let mut paid: i64 = 0;
            for (members, cost) in members_left.iter_mut().zip(month_costs) {
                let covered = quota.max(0).min(*members);
                *members -= covered;
                paid = paid.saturating_add(covered.saturating_mul(*cost));
            }
            by_payer[payer.kind.index()] += paid;
            left -= paid;
        }
    }
    for payer in &region.funding.payers {
        if let Basis::Amount(amount) = payer.basis {
            let paid = amount.clamp(0, left.max(0));
            by_payer[payer.kind.index()] += paid;
            left -= paid;
        }
    }
    for payer in &region.funding.payers {
        if let Basis::Share(pct) = payer.basis {
            let paid = ((pct / 100.0 * total as f64).round() as i64).clamp(0, left.max(0));
            by_payer[payer.kind.index()] += paid;
            left -= paid;
        }
    }
    by_payer[region.funding.residual.index()] += left;
    by_payer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waves_split_whole_workers_and_add_up() {
        let waves = [
            Wave {
                month: 1,
                share_pct: 60.0,
            },
            Wave {
                month: 9,
                share_pct: 40.0,
            },
        ];
        // 60% of 1001 = 600.6 → 601 in January, the remaining 400 in September.
        assert_eq!(split_into_waves(1001, &waves), vec![601, 400]);
        assert_eq!(split_into_waves(0, &waves), vec![0, 0]);
    }

    #[test]
    fn s_curve_ends_where_it_should() {
        assert!(s_curve(0.0).abs() < 1e-12);
        assert!((s_curve(1.0) - 1.0).abs() < 1e-12);
        assert!((s_curve(0.5) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn budget_search_takes_the_most_that_fits() {
        let waves = [Wave {
            month: 9,
            share_pct: 100.0,
        }];
        let costs = [16_800; 12];
        // September → 4 months × Rp16.800 = Rp67.200 per worker; Rp1.000.000 buys 14
        // (14 × 67.200 = 940.800; 15 × 67.200 = 1.008.000 is too much).
        assert_eq!(most_new_within(1_000_000, 1_000, &waves, &costs), 14);
        assert_eq!(most_new_within(1_000_000, 10, &waves, &costs), 10);
    }
}
