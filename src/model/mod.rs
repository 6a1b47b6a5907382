//! Pure planning model: the plan, the built-in rules, the projection and what reaches
//! families. No egui, no file IO, and no knowledge of the file format (`crate::scenario`).
//!
//! [`project`] turns a plan and the rule set it names into per-year results for each region
//! and for the total.

pub mod builtin;
pub mod compound;
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

/// Regions projected one after the other by one thread and summed into a total of their own
/// (16 regions of 30 years make 190 KB of rows, which stay in the processor's cache).
const BLOCK: usize = 16;

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
    let ages = age_profiles(plan, &rates);
    // Regions are independent: they are projected in parallel, a block of regions at a time,
    // each block summed into a total of its own as soon as a region's rows are made (while
    // they are in cache); the total adds the blocks' totals in block order. Blocks are the
    // same whatever the number of threads, so every figure is too.
    let years = plan.horizon.years as usize;
    let blocks: Vec<(Vec<Arc<RegionProjection>>, Vec<YearResult>)> = plan
        .regions
        .par_chunks(BLOCK)
        .zip(ages.par_chunks(BLOCK))
        .enumerate()
        .map(|(block, (block_regions, ages))| {
            let mut sum = vec![YearResult::default(); years];
            // The room a region's projection works in, made once for the block.
            let mut scratch = projection::Scratch::default();
            let projected = (block * BLOCK..)
                .zip(block_regions.iter().zip(ages))
                .map(|(i, (region, ages))| {
                    let projected = match reusable {
                        Some((before, projection)) if before.regions.get(i) == Some(region) => {
                            Arc::clone(&projection.regions[i])
                        }
                        _ => Arc::new(project_one(
                            with_quota(&quota, i, region).as_ref(),
                            plan,
                            &timeline,
                            &rates,
                            ages,
                            &mut scratch,
                        )),
                    };
                    for (row, year) in sum.iter_mut().zip(&projected.years) {
                        add_into_total(row, year);
                    }
                    projected
                })
                .collect();
            (projected, sum)
        })
        .collect();
    let mut total = vec![YearResult::default(); years];
    let mut regions = Vec::with_capacity(plan.regions.len());
    for (projected, sum) in blocks {
        for (row, year) in total.iter_mut().zip(&sum) {
            add_into_total(row, year);
        }
        regions.extend(projected);
    }

    // Share of APBD on the total row: against the owner's APBD when the plan gives it;
    // otherwise against the regions' own APBDs, counting the cost of those regions only, so
    // that numerator and denominator cover the same regions (as summed above).
    let owner_payer = plan.meta.level.own_payer();
    let with_apbd = (plan.regions.iter())
        .filter(|region| region.funding.apbd.is_some())
        .count();
    let apbd_basis = match (&plan.meta.apbd, with_apbd) {
        (Some(_), _) => ApbdBasis::Owner,
        (None, 0) => ApbdBasis::None,
        (None, n) => ApbdBasis::Regions {
            with_apbd: n,
            of: plan.regions.len(),
        },
    };
    for (y, row) in total.iter_mut().enumerate() {
        match &plan.meta.apbd {
            Some(apbd) => {
                // The owner's APBD pays its own payer's part in every region.
                row.apbd_total = Some(projection::apbd_in_year(apbd, plan.horizon.first_year, y));
                row.apbd_cost = row.cost_of(owner_payer);
            }
            None if with_apbd > 0 => {}
            None => {
                row.apbd_total = None;
                row.apbd_cost = row.cost_of(owner_payer);
            }
        }
    }

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

/// One region of `plan` projected year by year.
fn project_one(
    region: &plan::Region,
    plan: &Plan,
    timeline: &rules::RuleTimeline,
    rates: &outcomes::MonthlyRates,
    ages: &outcomes::AgeProfile,
    scratch: &mut projection::Scratch,
) -> RegionProjection {
    let (years, scholarships_after_horizon) = projection::project_region(
        region,
        plan.horizon,
        plan.direction,
        timeline,
        rates,
        ages,
        scratch,
        None,
    );
    RegionProjection {
        name: region.name.clone(),
        code: region.code.clone(),
        any_cut: years.iter().any(|y| y.enrolled_cut > 0),
        any_unpaid: years
            .iter()
            .any(|y| y.unpaid_by_payer.iter().any(|&u| u > 0)),
        years,
        scholarships_after_horizon,
    }
}

/// Adds a region's year (or a block's total) into a total: its figures, and its APBD and the
/// cost that APBD bears when it gives one (the regions' own APBDs, which the total compares
/// against when the plan gives no owner's APBD).
fn add_into_total(total: &mut YearResult, year: &YearResult) {
    total.accumulate(year);
    if let Some(apbd) = year.apbd_total {
        total.apbd_total = Some(total.apbd_total.unwrap_or(0.0) + apbd);
        total.apbd_cost = total.apbd_cost.saturating_add(year.apbd_cost);
    }
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

/// The age profile of each region's pool, computed once for each range of ages (a plan's
/// regions mostly share one).
fn age_profiles(plan: &Plan, rates: &outcomes::MonthlyRates) -> Vec<Arc<outcomes::AgeProfile>> {
    let mut by_range = std::collections::BTreeMap::new();
    plan.regions
        .iter()
        .map(|region| {
            let (min, max) = (region.pool.age_min, region.pool.age_max);
            Arc::clone(
                by_range.entry((min, max)).or_insert_with(|| {
                    Arc::new(outcomes::AgeProfile::new(&rates.mortality, min, max))
                }),
            )
        })
        .collect()
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
    let ages = age_profiles(plan, &rates);
    let mut scratch = projection::Scratch::default();
    let mut by_region: Vec<Vec<MonthResult>> = plan
        .regions
        .iter()
        .zip(&ages)
        .enumerate()
        .map(|(i, (region, ages))| {
            let region = with_quota(&quota, i, region);
            let region = region.as_ref();
            let mut months = Vec::with_capacity(plan.horizon.years as usize * 12);
            projection::project_region(
                region,
                plan.horizon,
                plan.direction,
                &timeline,
                &rates,
                ages,
                &mut scratch,
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
    fn the_total_adds_up_every_block_of_regions() {
        // 40 regions (more than two blocks of 16), each with a pool of 1.000 all enrolled from
        // January of every year: 1.000 × 12 months × Rp16.800 (JKK Rp10.000 + JKM Rp6.800) =
        // Rp201.600.000 a year, paid by the region's own APBD. Every other region gives an
        // APBD of Rp1 triliun (no growth); the plan gives none of its own, so the total
        // compares the 20 regions' APBDs, 20 × Rp1 T = Rp20 T, with their cost,
        // 20 × Rp201.600.000 = Rp4.032.000.000.
        let mut plan = defaults::new_plan(2026);
        plan.meta.code = "72.10".into();
        plan.regions = (0..40)
            .map(|i| {
                let mut region = defaults::region("Kab.", plan::Level::Kabupaten, "72.10");
                region.pool.count = 1_000;
                region.coverage.start_pct = 100.0;
                region.funding.apbd = (i % 2 == 0).then(|| plan::Apbd {
                    total: 1_000_000_000_000,
                    growth_pct: 0.0,
                    source: String::new(),
                    base_year: None,
                });
                region
            })
            .collect();
        let rules = builtin::resolve(&plan, &plan.meta.rule_set)
            .expect("rule set")
            .clone();
        let projection = project(&plan, &rules).expect("projects");
        assert_eq!(
            projection.apbd_basis,
            ApbdBasis::Regions {
                with_apbd: 20,
                of: 40
            }
        );
        let one_region = &projection.regions[0].years;
        for (y, total) in projection.total.iter().enumerate() {
            assert_eq!(total.cost_total, 40 * 201_600_000, "year {y}");
            assert_eq!(total.enrolled_end, 40 * 1_000);
            assert_eq!(total.apbd_total, Some(20_000_000_000_000.0));
            assert_eq!(total.apbd_cost, 4_032_000_000);
            // Decimals: 40 times one region's, up to the rounding of the additions.
            let deaths = 40.0 * one_region[y].deaths_expected;
            assert!(
                (total.deaths_expected - deaths).abs() <= 1e-12 * deaths,
                "year {y}"
            );
        }
    }

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
