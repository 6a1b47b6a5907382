//! Month-by-month projection of one region: who is enrolled, what it costs, who pays, and
//! what reaches families.

use crate::model::plan::{
    Apbd, Budget, CutRule, Direction, Enrolment, Horizon, Region, years_since,
};

use super::compound::Compound;
use super::limits::{MAX_COUNT, MAX_WAVES};
use super::whole::nearest;

use super::outcomes::{AgeProfile, MonthlyRates};
use super::results::{MonthResult, YearResult};
use super::rules::RuleTimeline;

mod payers;
mod tenure;
mod waves;

use payers::{PayerOrder, own_part, split_cost, spread_payers, times, year_cost};
use tenure::{Joiners, Tenure};
use waves::{
    member_months_of_waves, members_by_month, members_of_waves, sorted_waves, split_into_waves,
};

/// The room a region's projection works in (its payers in order, membership groups, age
/// shares, scholarships), kept from one region to the next: regions projected one after the
/// other make it once.
#[derive(Default)]
pub struct Scratch {
    payers: PayerOrder,
    tenure: Tenure,
    age_shares: Vec<f64>,
    scholarships: Vec<f64>,
    eligible_by_period: Vec<f64>,
}

/// Projects one region: its years, and the scholarships still owed after the horizon. With
/// `months`, every month of the horizon is also recorded there. `ages` is the age profile of
/// the region's pool (`AgeProfile::new` of its ages).
#[expect(clippy::too_many_arguments)]
pub fn project_region(
    region: &Region,
    horizon: Horizon,
    direction: Direction,
    rules: &RuleTimeline,
    rates: &MonthlyRates,
    ages: &AgeProfile,
    scratch: &mut Scratch,
    mut months_out: Option<&mut Vec<MonthResult>>,
) -> (Vec<YearResult>, f64) {
    let Scratch {
        payers,
        tenure,
        age_shares,
        scholarships,
        eligible_by_period,
    } = scratch;
    let years = horizon.years as usize;
    let last_paid = region.coverage.last_paid_month();
    let (waves, wave_count) = sorted_waves(&region.coverage.waves, last_paid);
    let waves = &waves[..wave_count];
    let pool_growth = Compound::of_pct(region.pool.growth_pct);
    // Growth is bounded so that no sum can overflow, however long the horizon.
    let pool_in = |y: usize| {
        let years = y as i32 + years_since(region.pool.base_year, horizon.first_year);
        nearest(region.pool.count as f64 * pool_growth.at(years)).min(MAX_COUNT)
    };

    let workforce = &region.workforce;
    let employed_growth = Compound::of_pct(workforce.employed_growth_pct);
    let covered_growth = Compound::of_pct(workforce.covered_growth_pct);
    let apbd_growth =
        (region.funding.apbd.as_ref()).map(|apbd| (apbd, Compound::of_pct(apbd.growth_pct)));
    let own = region.level.own_payer();
    payers.prepare(&region.funding);
    let payers = &*payers;
    let first_pool = pool_in(0);
    let start = fraction_of(region.coverage.start_pct, first_pool).clamp(0, first_pool);
    tenure.restart(
        -i64::from(region.coverage.start_tenure_months),
        start as f64,
        years * waves.len(),
    );
    let mut enrolled = start;
    // The members' ages (`ages`, the profile of the pool's ages): they grow older each year,
    // and leave past the pool's upper age.
    age_shares.clear();
    age_shares.extend_from_slice(ages.joining());
    // Scholarship payments by year; the years after the horizon hold what is still owed then.
    let longest_stream = rules
        .periods
        .iter()
        .map(|p| p.scholarship_stream.len())
        .max()
        .unwrap_or(0);
    scholarships.clear();
    scholarships.resize(years + longest_stream, 0.0);
    // Deaths that start scholarships, by the rule period in force when they happen.
    eligible_by_period.clear();
    eligible_by_period.resize(rules.periods.len(), 0.0);
    // Filled in place, year by year.
    let mut rows = vec![YearResult::default(); years];
    // This year's new members by wave (the first `waves.len()`).
    let mut joiners = [Joiners::default(); MAX_WAVES];
    // Sustainable enrolment: the most members each later year's budget can keep all year,
    // and from it the most any year may end with (the least of the years after it).
    let keep_limit: Option<Vec<i64>> = match (direction, region.coverage.enrolment) {
        (Direction::BudgetCap, Enrolment::Sustainable) => {
            let mut limit = vec![i64::MAX; years];
            let mut least = i64::MAX;
            for y in (0..years).rev() {
                limit[y] = least;
                let budget = budget_in_year(&region.budget, y);
                let month_costs = &rules.contribution[y * 12..y * 12 + 12];
                let keeps = most_that_fit(pool_in(y), |k| {
                    let members = members_by_month(k, 0, waves, last_paid);
                    own_part(payers, own, &members, month_costs) <= budget
                });
                least = least.min(keeps);
            }
            Some(limit)
        }
        _ => None,
    };

    for (y, row) in rows.iter_mut().enumerate() {
        let pool = pool_in(y);
        // On 1 January everyone is a year older; those past the upper age leave (the same
        // share of every enrolment group: age does not depend on when a member joined).
        let aged_out = if y > 0 && enrolled > 0 {
            let left = ages.age(age_shares);
            let aged_out = nearest(left * enrolled as f64).clamp(0, enrolled);
            tenure.keep((enrolled - aged_out) as f64 / enrolled as f64);
            enrolled -= aged_out;
            aged_out
        } else {
            0
        };
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
                    let members = members_by_month(kept, new, waves, last_paid);
                    own_part(payers, own, &members, month_costs)
                };
                let kept = enrolled.min(pool);
                if own_cost(kept, 0) > budget {
                    (most_that_fit(kept, |k| own_cost(k, 0) <= budget), 0)
                } else {
                    // Sustainable: no more than the later years' budgets can keep.
                    let limit = keep_limit.as_ref().map_or(i64::MAX, |limit| limit[y]);
                    let room = (pool - kept).min(limit.saturating_sub(kept)).max(0);
                    (kept, most_that_fit(room, |n| own_cost(kept, n) <= budget))
                }
            }
        };
        if january < enrolled && enrolled > 0 {
            match region.coverage.cut {
                CutRule::ShareOfAll => tenure.keep(january as f64 / enrolled as f64),
                CutRule::NewestFirst => tenure.drop_newest((enrolled - january) as f64),
            }
        }
        ages.mix(age_shares, january, new);
        let death_factor = ages.death_factor(age_shares);
        let counts = split_into_waves(new, waves);
        let first_month = (y * 12) as i64;
        for ((joined, wave), &count) in joiners.iter_mut().zip(waves).zip(&counts) {
            *joined = Joiners {
                first: first_month + i64::from(wave.month) - 1,
                last: first_month + i64::from(wave.last_month(last_paid)) - 1,
                count,
            };
            if count > 0 {
                tenure.join(joined.first, count as f64);
            }
        }
        let joiners = &joiners[..waves.len()];

        // How long the budget would pay for everyone in the pool: the region's own cost of a
        // month of the whole pool, at this year's rates.
        let months_for_pool = budget.map(|budget| {
            let all_year = members_by_month(pool, 0, waves, 12);
            let own_year = own_part(payers, own, &all_year, month_costs);
            if own_year > 0 {
                12.0 * budget as f64 / own_year as f64
            } else {
                f64::INFINITY
            }
        });
        row.year = horizon.first_year + y as i32;
        row.pool = pool;
        row.enrolled_new = new;
        row.enrolled_cut = (enrolled - january).max(0);
        row.enrolled_aged_out = aged_out;
        row.budget = budget;
        row.months_for_pool = months_for_pool;
        // A year under one rate: its member-months times the rate (exact: each wave's members
        // times its months; at most 12 × the largest count, far inside 64 bits).
        let member_months = member_months_of_waves(january, &counts, waves, last_paid);
        let paid_months = first_month..first_month + last_paid as i64;
        // One rule period over all the paid months: outcomes are worked out once for them.
        let one_period = rules.period_of_month[paid_months.start as usize]
            == rules.period_of_month[paid_months.end as usize - 1];
        // The members of each month, when the year needs them: rates that change within the
        // year, rule periods that change within it, or the months recorded.
        let monthly = (months_out.is_some() || !rules.uniform_year[y] || !one_period)
            .then(|| members_of_waves(january, &counts, waves, last_paid));
        let cost_at = |per_member: &[i64]| match &monthly {
            Some(monthly) if !rules.uniform_year[y] => {
                year_cost(monthly, &per_member[months.clone()])
            }
            _ => times(member_months, per_member[months.start]),
        };
        let cost_total = cost_at(&rules.contribution);
        row.cost_jkk = cost_at(&rules.jkk);
        row.cost_jkm = cost_at(&rules.jkm);
        row.cost_jht = cost_at(&rules.jht);
        // Outcomes over spans of paid months under one rule period (month by month when the
        // months are recorded); months after the last paid one cover nobody. The members of a
        // span are the member-months paid for in it (without the months, the one span is all
        // the paid months of the year).
        let members_in = |from: i64, to: i64| match &monthly {
            Some(monthly) => (from..=to)
                .map(|month| monthly[(month - first_month) as usize])
                .sum::<i64>() as f64,
            None => member_months as f64,
        };
        let mut recorded = Vec::new();
        if let Some(monthly) = monthly.filter(|_| months_out.is_some()) {
            for (m, month) in months.clone().enumerate() {
                let (jkm_before, jkk_before) = (row.jkm_deaths, row.jkk_deaths);
                let now = month as i64;
                if paid_months.contains(&now) {
                    add_outcomes(
                        row,
                        eligible_by_period,
                        (monthly[m] as f64, &*tenure, joiners, death_factor),
                        now..=now,
                        rules,
                        rates,
                    );
                }
                let cost = |per_member: &[i64]| monthly[m].saturating_mul(per_member[month]);
                recorded.push(MonthResult {
                    year: row.year,
                    month: m as u32 + 1,
                    members: monthly[m],
                    new: joiners
                        .iter()
                        .filter(|j| j.first == now && m < last_paid)
                        .map(|j| j.count)
                        .sum(),
                    cut: if m == 0 { row.enrolled_cut } else { 0 },
                    aged_out: if m == 0 { row.enrolled_aged_out } else { 0 },
                    cost_total: cost(&rules.contribution),
                    cost_jkk: cost(&rules.jkk),
                    cost_jkm: cost(&rules.jkm),
                    cost_jht: cost(&rules.jht),
                    jkm_deaths: row.jkm_deaths - jkm_before,
                    jkk_deaths: row.jkk_deaths - jkk_before,
                    deaths_expected: row.jkm_deaths - jkm_before + row.jkk_deaths - jkk_before,
                    ..MonthResult::default()
                });
            }
        } else {
            let mut from = paid_months.start;
            while from < paid_months.end {
                let period = rules.period_of_month[from as usize];
                // A period, once over, never comes back (the one in force is the latest that
                // has started): when the last paid month has it too, so has every month.
                let mut to = paid_months.end - 1;
                if rules.period_of_month[to as usize] != period {
                    to = from;
                    while rules.period_of_month[to as usize + 1] == period {
                        to += 1;
                    }
                }
                add_outcomes(
                    row,
                    eligible_by_period,
                    (members_in(from, to), &*tenure, joiners, death_factor),
                    from..=to,
                    rules,
                    rates,
                );
                from = to + 1;
            }
        }
        // This year's eligible deaths start their scholarship streams in this year.
        for (eligible, period) in eligible_by_period.iter_mut().zip(&rules.periods) {
            if *eligible > 0.0 {
                for (paid, amount) in scholarships[y..].iter_mut().zip(&period.scholarship_stream) {
                    *paid += *eligible * amount;
                }
            }
            *eligible = 0.0;
        }
        row.cost_total = cost_total;
        split_cost(
            payers,
            || monthly.unwrap_or_else(|| members_of_waves(january, &counts, waves, last_paid)),
            month_costs,
            cost_total,
            (&mut row.cost_by_payer, &mut row.unpaid_by_payer),
        );
        if let Some(out) = months_out.as_deref_mut() {
            spread_payers(&mut recorded, cost_total, &row.cost_by_payer);
            out.extend(recorded);
        }
        // Everyone enrolled carries on into next January, the members of a wave whose paid
        // months ended before the year's end included.
        enrolled = january.saturating_add(new);
        row.enrolled_end = enrolled;
        row.member_years = member_months as f64 / 12.0;
        row.enrolled_avg = row.member_years;

        let workforce_years = y as i32 + years_since(workforce.base_year, horizon.first_year);
        row.employed = workforce.employed as f64 * employed_growth.at(workforce_years);
        row.covered_other = workforce.covered_other() as f64 * covered_growth.at(workforce_years);
        row.apbd_total = apbd_growth
            .as_ref()
            .map(|(apbd, growth)| apbd_grown(apbd, growth, horizon.first_year, y));
        row.own_cost = row.cost_of(own);
        row.apbd_cost = row.own_cost;
    }
    let after_horizon = scholarships[years..].iter().sum();
    for (row, paid) in rows.iter_mut().zip(scholarships.iter()) {
        row.scholarships_paid = *paid;
    }
    (rows, after_horizon)
}

/// Deaths, accidents and benefits over `span`, paid months of one year under one rule period,
/// of `members` member-months paid for, of whom `tenure` (less this year's joiners whose wave
/// has ended) tells how long they have been members; deaths that start scholarships are added
/// to `eligible_by_period`.
fn add_outcomes(
    row: &mut YearResult,
    eligible_by_period: &mut [f64],
    (members, tenure, joiners, death_factor): (f64, &Tenure, &[Joiners], f64),
    span: std::ops::RangeInclusive<i64>,
    rules: &RuleTimeline,
    rates: &MonthlyRates,
) {
    let (from, to) = (*span.start(), *span.end());
    let period = rules.period_of_month[from as usize];
    let benefits = &rules.periods[period];
    let income = rules.income_by_year[from as usize / 12];
    // Members for less than the waiting period (counted from the few who joined that
    // recently, not as a difference of large sums), and for at least the scholarship minimum.
    let waiting_months = i64::from(benefits.jkm_waiting_months);
    let waiting = tenure.recent_member_months(from, to, waiting_months)
        - after_wave_end(joiners, from..=to, |j| {
            (j.first, j.first + waiting_months - 1)
        });
    // Rounding may leave a hair below zero where nobody is waiting.
    let waiting = waiting.max(0.0);
    let long_months = i64::from(benefits.jkm_scholarship_min_months);
    let long_members = tenure.member_months(from, to, long_months)
        - after_wave_end(joiners, from..=to, |j| (j.first + long_months, to));
    // JKM (not work-related) and JKK (work-accident) deaths are separate rates; the JKM rate
    // follows the members' ages.
    let jkm_rate = rates.jkm_death * death_factor;
    let jkm_deaths = members * jkm_rate;
    let jkk_deaths = members * rates.jkk_death;
    let jkm_waiting = if rates.waiting_rule {
        waiting * jkm_rate
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
    eligible_by_period[period] += jkk_deaths + long_members * jkm_rate;
}

/// Member-months within `span` that `tenure` counts but nobody pays for: of each of this
/// year's waves that ended before the span's end, its members in the months of `stretch`
/// (first and last month) after the wave's last month.
fn after_wave_end(
    joiners: &[Joiners],
    span: std::ops::RangeInclusive<i64>,
    stretch: impl Fn(&Joiners) -> (i64, i64),
) -> f64 {
    let (from, to) = (*span.start(), *span.end());
    joiners
        .iter()
        .filter(|j| j.last < to)
        .map(|j| {
            let (first, last) = stretch(j);
            let months = last.min(to) - first.max(from).max(j.last + 1) + 1;
            j.count as f64 * months.max(0) as f64
        })
        .sum()
}

/// `pct` percent of `count`, to the nearest whole worker.
fn fraction_of(pct: f64, count: i64) -> i64 {
    nearest(pct / 100.0 * count as f64)
}

/// Share of the pool enrolled at the end of year `y` (0-based), %.
pub fn path_share(region: &Region, years: u32, y: usize) -> f64 {
    region
        .coverage
        .path
        .share(region.coverage.start_pct, years, y)
}

fn budget_in_year(budget: &Budget, y: usize) -> i64 {
    match budget {
        Budget::Growing { amount, growth_pct } => {
            nearest(*amount as f64 * Compound::of_pct(*growth_pct).at(y as i32))
        }
        Budget::PerYear(values) => values.get(y).or(values.last()).copied().unwrap_or(0),
    }
}

/// An APBD in year `y` of the horizon, grown from its base year.
pub fn apbd_in_year(apbd: &Apbd, first_year: i32, y: usize) -> f64 {
    apbd_grown(apbd, &Compound::of_pct(apbd.growth_pct), first_year, y)
}

/// [`apbd_in_year`] with the APBD's growth (`growth`) prepared.
fn apbd_grown(apbd: &Apbd, growth: &Compound, first_year: i32, y: usize) -> f64 {
    apbd.total as f64 * growth.at(y as i32 + years_since(apbd.base_year, first_year))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::Wave;

    #[test]
    fn budget_search_takes_the_most_that_fits() {
        let waves = [Wave {
            month: 9,
            share_pct: 100.0,
            until_month: None,
        }];
        let costs = [16_800_i64; 12];
        let cost = |n: i64| -> i64 {
            members_by_month(0, n, &waves, 12)
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
