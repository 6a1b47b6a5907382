//! Month-by-month projection of one region: who is enrolled, what it costs, who pays, and
//! what reaches families.

use crate::model::plan::{
    Basis, Budget, CoveragePath, Direction, Horizon, PayerKind, Region, Wave,
};

use super::limits::MAX_COUNT;

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

    let own = region.level.own_payer();
    let start = fraction_of(region.coverage.start_pct, pool_at(0)).clamp(0, pool_at(0));
    let mut cohorts = vec![Cohort {
        start: -(region.coverage.start_tenure_months.min(i32::MAX as u32) as i32),
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
        let months = y * 12..y * 12 + 12;
        let month_costs = &rules.contribution[months.clone()];
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
                // The budget is what the region's own APBD puts in; co-payers' quotas,
                // amounts and shares come on top of it.
                let own_cost = |kept: i64, new: i64| {
                    let members = members_by_month(kept, new, &waves);
                    split_by_payer(region, &members, month_costs).paid[own.index()]
                };
                let kept = enrolled.min(pool);
                if own_cost(kept, 0) > budget {
                    (most_that_fit(kept, |k| own_cost(k, 0) <= budget), 0)
                } else {
                    let room = pool - kept;
                    (kept, most_that_fit(room, |n| own_cost(kept, n) <= budget))
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
        let monthly = members_by_month(january, new, &waves);
        for (month, members) in months.zip(monthly) {
            let cost = |per_member: &[i64]| members.saturating_mul(per_member[month]);
            row.cost_jkk = row.cost_jkk.saturating_add(cost(&rules.jkk));
            row.cost_jkm = row.cost_jkm.saturating_add(cost(&rules.jkm));
            row.cost_jht = row.cost_jht.saturating_add(cost(&rules.jht));
            add_month_outcomes(&mut row, &mut scholarships, &cohorts, month, rules, rates);
        }
        let split = split_by_payer(region, &monthly, month_costs);
        row.cost_total = split.total;
        row.cost_by_payer = split.paid;
        row.unpaid_by_payer = split.unpaid;
        enrolled = monthly[11];
        row.enrolled_end = enrolled;
        row.member_years = monthly.iter().sum::<i64>() as f64 / 12.0;
        row.enrolled_avg = row.member_years;

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
    // JKM (not work-related) and JKK (work-accident) deaths are separate rates.
    let jkm_deaths = members * rates.jkm_death;
    let jkk_deaths = members * rates.jkk_death;
    let jkm_waiting = if rates.waiting_rule {
        waiting * rates.jkm_death
    } else {
        0.0
    };
    row.deaths_expected += jkm_deaths + jkk_deaths;
    row.jkk_deaths += jkk_deaths;
    row.jkm_deaths += jkm_deaths;
    row.waiting_deaths += jkm_waiting;
    row.death_benefits += (jkm_deaths - jkm_waiting) * benefits.jkm_death_benefit as f64
        + jkm_waiting * benefits.funeral_benefit as f64
        + jkk_deaths * benefits.jkk_death_benefit(income) as f64;
    // Non-fatal accidents: medical care at its cost, cash benefits at the declared income.
    let claims = members * rates.accident_claim;
    row.accident_claims += claims;
    row.accident_benefits +=
        claims * (rates.accident_care + rates.accident_cash_months * income as f64);

    // Scholarships: every work-accident death, and JKM deaths after the minimum membership.
    let eligible = jkk_deaths + long_members * rates.jkm_death;
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
        CoveragePath::SCurve {
            target_pct,
            steepness,
        } => start + (target_pct - start) * s_curve(progress, *steepness),
        CoveragePath::PerYear(values) => values.get(y).or(values.last()).copied().unwrap_or(start),
    }
}

/// Logistic curve through (0, 0) and (1, 1), steepest in the middle of the horizon; a
/// steepness near 0 is the straight line.
fn s_curve(x: f64, steepness: f64) -> f64 {
    if steepness.abs() < 1e-6 {
        return x;
    }
    let f = |x: f64| 1.0 / (1.0 + (-steepness * (x - 0.5)).exp());
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

/// Members paid for in each month of a year: `kept` from January, and `new` joining in the
/// waves.
fn members_by_month(kept: i64, new: i64, waves: &[Wave]) -> [i64; 12] {
    let counts = split_into_waves(new, waves);
    let mut members = kept;
    std::array::from_fn(|m| {
        for (wave, count) in waves.iter().zip(&counts) {
            if wave.month as usize == m + 1 {
                members = members.saturating_add(*count);
            }
        }
        members
    })
}

/// The largest count in `0..=room` that `fits`, for a test that holds for every count up to
/// some limit and for none above it (cost rises with the number of workers).
fn most_that_fit(room: i64, fits: impl Fn(i64) -> bool) -> i64 {
    if room <= 0 {
        return 0;
    }
    if fits(room) {
        return room;
    }
    let (mut low, mut high) = (0, room);
    while high - low > 1 {
        let mid = low + (high - low) / 2;
        if fits(mid) {
            low = mid;
        } else {
            high = mid;
        }
    }
    low
}

/// A year's contributions split between payers.
struct PayerSplit {
    total: i64,
    paid: [i64; PayerKind::ALL.len()],
    /// Asked of a payer (a fixed amount or a share) but not paid: too little cost was left.
    unpaid: [i64; PayerKind::ALL.len()],
}

/// Splits a region's yearly cost between payers: worker quotas first (month by month), then
/// fixed amounts, then shares of the cost; the residual payer takes what is left.
fn split_by_payer(
    region: &Region,
    monthly_members: &[i64; 12],
    month_costs: &[i64],
) -> PayerSplit {
    let total = monthly_members
        .iter()
        .zip(month_costs)
        .map(|(members, cost)| members.saturating_mul(*cost))
        .fold(0, i64::saturating_add);
    let mut by_payer = [0_i64; PayerKind::ALL.len()];
    let mut unpaid = [0_i64; PayerKind::ALL.len()];
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
            unpaid[payer.kind.index()] += amount.max(0) - paid;
            left -= paid;
        }
    }
    for payer in &region.funding.payers {
        if let Basis::Share(pct) = payer.basis {
            let asked = ((pct / 100.0 * total as f64).round() as i64).max(0);
            let paid = asked.min(left.max(0));
            by_payer[payer.kind.index()] += paid;
            unpaid[payer.kind.index()] += asked - paid;
            left -= paid;
        }
    }
    by_payer[region.funding.residual.index()] += left;
    PayerSplit {
        total,
        paid: by_payer,
        unpaid,
    }
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
        for steepness in [8.0, 3.0, 20.0] {
            assert!(s_curve(0.0, steepness).abs() < 1e-12);
            assert!((s_curve(1.0, steepness) - 1.0).abs() < 1e-12);
            assert!((s_curve(0.5, steepness) - 0.5).abs() < 1e-12);
        }
        // Steepness 0 is the ramp; steeper curves start slower.
        assert_eq!(s_curve(0.2, 0.0), 0.2);
        assert!(s_curve(0.2, 20.0) < s_curve(0.2, 8.0));
    }

    #[test]
    fn budget_search_takes_the_most_that_fits() {
        let waves = [Wave {
            month: 9,
            share_pct: 100.0,
        }];
        let costs = [16_800_i64; 12];
        let cost = |n: i64| -> i64 {
            members_by_month(0, n, &waves)
                .iter()
                .zip(&costs)
                .map(|(m, c)| m * c)
                .sum()
        };
        // September → 4 months × Rp16.800 = Rp67.200 per worker; Rp1.000.000 buys 14
        // (14 × 67.200 = 940.800; 15 × 67.200 = 1.008.000 is too much).
        assert_eq!(most_that_fit(1_000, |n| cost(n) <= 1_000_000), 14);
        assert_eq!(most_that_fit(10, |n| cost(n) <= 1_000_000), 10);
    }
}
