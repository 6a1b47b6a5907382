//! Pure planning model: rules, projection, outcomes. No egui, no file IO.
//!
//! [`project`] turns a scenario and the rule set it names into per-year results for each
//! region and for the total.

pub mod outcomes;
pub mod projection;
pub mod results;
pub mod rules;

pub use results::{Projection, RegionProjection, YearResult};

use crate::scenario::types::{RuleSet, Scenario};

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

/// Projects a (validated) scenario under `rules`.
pub fn project(scenario: &Scenario, rules: &RuleSet) -> Result<Projection, ModelError> {
    if scenario.horizon.years == 0 {
        return Err(ModelError::EmptyHorizon);
    }
    let timeline = rules::RuleTimeline::new(
        rules,
        scenario.horizon,
        &scenario.programme,
        &scenario.assumptions,
    )?;
    let regions: Vec<RegionProjection> = scenario
        .regions
        .iter()
        .map(|region| {
            let (years, scholarships_after_horizon) = projection::project_region(
                region,
                scenario.horizon,
                scenario.direction,
                &timeline,
                &outcomes::MonthlyRates::new(&scenario.assumptions, &region.pool),
            );
            RegionProjection {
                name: region.name.clone(),
                code: region.code.clone(),
                years,
                scholarships_after_horizon,
            }
        })
        .collect();

    let owner_payer = scenario.meta.level.own_payer();
    let total = (0..scenario.horizon.years as usize)
        .map(|y| {
            let mut row = YearResult::default();
            let mut regions_apbd = None;
            for region in &regions {
                let part = &region.years[y];
                row.accumulate(part);
                row.apbd_cost = row.apbd_cost.saturating_add(part.apbd_cost);
                if let Some(apbd) = part.apbd_total {
                    regions_apbd = Some(regions_apbd.unwrap_or(0.0) + apbd);
                }
            }
            row.apbd_total = regions_apbd;
            if let Some(apbd) = &scenario.meta.apbd {
                // The owner's APBD pays its own payer's part in every region.
                row.apbd_total =
                    Some(apbd.total as f64 * (1.0 + apbd.growth_pct / 100.0).powi(y as i32));
                row.apbd_cost = row.cost_of(owner_payer);
            }
            row.deaths_p05 = outcomes::poisson_quantile(row.deaths_expected, 0.05);
            row.deaths_p95 = outcomes::poisson_quantile(row.deaths_expected, 0.95);
            row
        })
        .collect();

    let first = timeline.benefits_in_month(0);
    let first_income = timeline.income_by_year.first().copied().unwrap_or(0);
    let jkk_death_benefit = first.jkk_death_benefit(first_income);
    let poverty_line = scenario.assumptions.household_poverty_line.value as f64;
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
        jkm_benefit_poverty_months: months(first.jkm_death_benefit),
        jkk_benefit_poverty_months: months(jkk_death_benefit),
        jkm_death_benefit: first.jkm_death_benefit,
        jkk_death_benefit,
        scholarships_after_horizon,
    })
}
