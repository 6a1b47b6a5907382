//! Pure planning model: the plan, the built-in rules, the projection and what reaches
//! families. No egui, no file IO, and no knowledge of the file format (`crate::scenario`).
//!
//! [`project`] turns a plan and the rule set it names into per-year results for each region
//! and for the total.

pub mod builtin;
pub mod defaults;
pub mod levers;
pub mod limits;
pub mod outcomes;
pub mod plan;
pub mod projection;
pub mod results;
pub mod rules;
pub mod whole;

pub use plan::Plan;
pub use results::{ApbdBasis, MonthResult, Projection, RegionProjection, YearResult};

use std::sync::Arc;

use rayon::prelude::*;

use plan::RuleSet;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("the horizon has no years")]
    EmptyHorizon,
    #[error("rule set {rule_set} has no period in force in {year}-{month:02}")]
    NoRuleInForce {
        rule_set: String,
        year: i32,
        month: u32,
    },
}

/// Projects a (validated) plan under `rules`.
pub fn project(plan: &Plan, rules: &RuleSet) -> Result<Projection, ModelError> {
    project_reusing(plan, rules, None)
}

/// Projects a (validated) plan, reusing the regions of an earlier projection that cannot have
/// changed: when everything but the regions is as in `previous`'s plan, a region equal to
/// the one at the same place there keeps its results. An edit to one region recomputes only
/// that region and the total; the other regions' results are shared, not copied.
pub fn project_reusing(
    plan: &Plan,
    rules: &RuleSet,
    previous: Option<(&Plan, &Projection)>,
) -> Result<Projection, ModelError> {
    let timeline = timeline(plan, rules)?;
    let reusable = previous.filter(|(before, projection)| {
        same_but_regions(before, plan) && projection.regions.len() == before.regions.len()
    });
    let quota = province_quota(plan);
    let rates = outcomes::MonthlyRates::new(&plan.assumptions);
    // Regions are independent: they are projected in parallel, and each one's results do not
    // depend on how many threads there are. The total is summed in region order below.
    let regions: Vec<Arc<RegionProjection>> = plan
        .regions
        .par_iter()
        .with_min_len(8)
        .enumerate()
        .map(|(i, region)| {
            if let Some((before, projection)) = reusable
                && before.regions.get(i) == Some(region)
            {
                return Arc::clone(&projection.regions[i]);
            }
            let region = with_quota(&quota, i, region);
            let region = region.as_ref();
            let (years, scholarships_after_horizon) = projection::project_region(
                region,
                plan.horizon,
                plan.direction,
                &timeline,
                &rates,
                None,
            );
            Arc::new(RegionProjection {
                name: region.name.clone(),
                code: region.code.clone(),
                any_cut: years.iter().any(|y| y.enrolled_cut > 0),
                any_unpaid: years
                    .iter()
                    .any(|y| y.unpaid_by_payer.iter().any(|&u| u > 0)),
                years,
                scholarships_after_horizon,
            })
        })
        .collect();

    // Share of APBD on the total row: against the owner's APBD when the plan gives it;
    // otherwise against the regions' own APBDs, counting the cost of those regions only, so
    // that numerator and denominator cover the same regions.
    let owner_payer = plan.meta.level.own_payer();
    let with_apbd: Vec<usize> = (0..plan.regions.len())
        .filter(|&i| plan.regions[i].funding.apbd.is_some())
        .collect();
    let apbd_basis = match (&plan.meta.apbd, with_apbd.len()) {
        (Some(_), _) => ApbdBasis::Owner,
        (None, 0) => ApbdBasis::None,
        (None, n) => ApbdBasis::Regions {
            with_apbd: n,
            of: plan.regions.len(),
        },
    };
    // Each year is summed over the regions in region order, so the sums do not depend on how
    // many threads there are. Region by region over a run of years (the rows being summed stay
    // in cache and each region's years are read in memory order), runs of years in parallel.
    let years = plan.horizon.years as usize;
    let mut total = vec![YearResult::default(); years];
    let run = years.div_ceil(rayon::current_num_threads()).max(1);
    total.par_chunks_mut(run).enumerate().for_each(|(c, rows)| {
        let from = c * run;
        for region in &regions {
            for (row, year) in rows.iter_mut().zip(region.years.iter().skip(from)) {
                row.accumulate(year);
            }
        }
        for (y, row) in (from..).zip(rows.iter_mut()) {
            match &plan.meta.apbd {
                Some(apbd) => {
                    // The owner's APBD pays its own payer's part in every region.
                    row.apbd_total =
                        Some(projection::apbd_in_year(apbd, plan.horizon.first_year, y));
                    row.apbd_cost = row.cost_of(owner_payer);
                }
                None if !with_apbd.is_empty() => {
                    row.apbd_total = Some(
                        with_apbd
                            .iter()
                            .filter_map(|&i| regions[i].years[y].apbd_total)
                            .sum(),
                    );
                    row.apbd_cost = with_apbd
                        .iter()
                        .map(|&i| regions[i].years[y].apbd_cost)
                        .fold(0, i64::saturating_add);
                }
                None => {
                    row.apbd_total = None;
                    row.apbd_cost = row.cost_of(owner_payer);
                }
            }
        }
    });

    let first = timeline.benefits_in_month(0);
    let first_income = timeline.income_by_year.first().copied().unwrap_or(0);
    let jkk_death_benefit = first.jkk_death_benefit(first_income);
    let poverty_line = plan.assumptions.household_poverty_line.value as f64;
    let months = |benefit: i64| {
        if poverty_line > 0.0 {
            benefit as f64 / poverty_line
        } else {
            0.0
        }
    };
    let scholarships_after_horizon = regions.iter().map(|r| r.scholarships_after_horizon).sum();
    Ok(Projection {
        regions,
        total,
        apbd_basis,
        income_by_year: timeline.income_by_year.clone(),
        jkm_benefit_poverty_months: months(first.jkm_death_benefit),
        jkk_benefit_poverty_months: months(jkk_death_benefit),
        jkm_death_benefit: first.jkm_death_benefit,
        jkk_death_benefit,
        scholarships_after_horizon,
        calibration: outcomes::calibration(&plan.assumptions),
    })
}

/// The rules in force in each month of the plan's horizon.
fn timeline(plan: &Plan, rules: &RuleSet) -> Result<rules::RuleTimeline, ModelError> {
    if plan.horizon.years == 0 {
        return Err(ModelError::EmptyHorizon);
    }
    rules::RuleTimeline::new(
        rules,
        builtin::income_brackets(rules),
        plan.horizon,
        &plan.programme,
        &plan.assumptions,
    )
}

/// The province quota (if any) and each region's part of it.
fn province_quota(plan: &Plan) -> Option<(&plan::ProvinceQuota, Vec<i64>)> {
    plan.province_quota
        .as_ref()
        .map(|q| (q, q.per_region(&plan.regions)))
}

/// A region as the projection sees it: a province quota becomes its first worker quota.
fn with_quota<'a>(
    quota: &Option<(&plan::ProvinceQuota, Vec<i64>)>,
    i: usize,
    region: &'a plan::Region,
) -> std::borrow::Cow<'a, plan::Region> {
    match quota {
        Some((q, counts)) => {
            let mut region = region.clone();
            region.funding.payers.insert(
                0,
                plan::Payer {
                    kind: q.payer,
                    basis: plan::Basis::Workers(counts.get(i).copied().unwrap_or(0)),
                    source: q.source.clone(),
                },
            );
            std::borrow::Cow::Owned(region)
        }
        None => std::borrow::Cow::Borrowed(region),
    }
}

/// Whether two plans differ at most in their regions.
fn same_but_regions(a: &Plan, b: &Plan) -> bool {
    let Plan {
        meta,
        horizon,
        direction,
        programme,
        assumptions,
        regions: _,
        province_quota,
        rule_sets,
    } = a;
    *meta == b.meta
        && *province_quota == b.province_quota
        && *horizon == b.horizon
        && *direction == b.direction
        && *programme == b.programme
        && *assumptions == b.assumptions
        && *rule_sets == b.rule_sets
}

/// Every month of the horizon for each region of a (validated) plan, then the total of all
/// regions: BPJS TK bills monthly and the finance office pays monthly. Computed on request
/// only (the yearly projection does not keep months).
pub fn project_months(plan: &Plan, rules: &RuleSet) -> Result<Vec<Vec<MonthResult>>, ModelError> {
    let timeline = timeline(plan, rules)?;
    let quota = province_quota(plan);
    let rates = outcomes::MonthlyRates::new(&plan.assumptions);
    let mut by_region: Vec<Vec<MonthResult>> = plan
        .regions
        .iter()
        .enumerate()
        .map(|(i, region)| {
            let region = with_quota(&quota, i, region);
            let region = region.as_ref();
            let mut months = Vec::with_capacity(plan.horizon.years as usize * 12);
            projection::project_region(
                region,
                plan.horizon,
                plan.direction,
                &timeline,
                &rates,
                Some(&mut months),
            );
            months
        })
        .collect();
    let mut total = vec![MonthResult::default(); plan.horizon.years as usize * 12];
    for months in &by_region {
        for (sum, month) in total.iter_mut().zip(months) {
            sum.accumulate(month);
        }
    }
    by_region.push(total);
    Ok(by_region)
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn reusing_regions_gives_the_same_projection() {
        let mut plan = defaults::new_plan(2026);
        plan.meta.code = "72.10".into();
        let mut region = defaults::region("Kab. A", plan::Level::Kabupaten, "72.10");
        region.pool.count = 10_000;
        region.funding.apbd = Some(plan::Apbd {
            total: 1_000_000_000_000,
            growth_pct: 0.0,
            source: String::new(),
            base_year: None,
        });
        let mut second = region.clone();
        second.name = "Kab. B".into();
        second.pool.count = 20_000;
        plan.regions = vec![region, second];
        let rules = builtin::resolve(&plan, &plan.meta.rule_set)
            .expect("rule set")
            .clone();
        let before = project(&plan, &rules).expect("projects");

        // Edit one region: reusing the other gives exactly what a full recompute gives.
        let mut edited = plan.clone();
        edited.regions[1].pool.count = 25_000;
        let reused = project_reusing(&edited, &rules, Some((&plan, &before))).expect("projects");
        assert_eq!(reused, project(&edited, &rules).expect("projects"));
        assert_ne!(reused.total, before.total);
        // A change outside the regions recomputes everything.
        let mut assumptions = edited.clone();
        assumptions.assumptions.jkk_deaths_per_mille.value = 1.0;
        let reused =
            project_reusing(&assumptions, &rules, Some((&edited, &reused))).expect("projects");
        assert_eq!(reused, project(&assumptions, &rules).expect("projects"));
    }
}
