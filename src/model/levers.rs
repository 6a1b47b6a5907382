//! The levers a council asks about, over the whole plan at once: the budget of the first year
//! (all regions together; budget-cap direction), the coverage target of the last year (every
//! region), and the first fiscal year. Presentation mode sets them with large controls; each
//! keeps everything else of the plan as it was.

use super::limits::MAX_RUPIAH;
use super::plan::{Budget, CoveragePath, Plan};

/// The first year's budget of every region together, Rp.
pub fn first_year_budget(plan: &Plan) -> i64 {
    plan.regions
        .iter()
        .map(|r| match &r.budget {
            Budget::Growing { amount, .. } => *amount,
            Budget::PerYear(amounts) => amounts.first().copied().unwrap_or(0),
        })
        .fold(0_i64, |sum, v| sum.saturating_add(v))
}

/// Sets the first year's budget of every region together to `total` (Rp, at most
/// [`MAX_RUPIAH`]): each region keeps its share of it (an equal share when all were 0), and
/// its later years keep their growth or their ratio to the first year.
pub fn set_first_year_budget(plan: &mut Plan, total: i64) {
    let total = total.clamp(0, MAX_RUPIAH);
    let old = first_year_budget(plan);
    let count = plan.regions.len().max(1) as i128;
    for region in &mut plan.regions {
        let first = match &region.budget {
            Budget::Growing { amount, .. } => *amount,
            Budget::PerYear(amounts) => amounts.first().copied().unwrap_or(0),
        };
        // In i128: a share of Rp100 triliun times another cannot overflow.
        let new = if old > 0 {
            i128::from(total) * i128::from(first) / i128::from(old)
        } else {
            i128::from(total) / count
        };
        let new = i64::try_from(new).unwrap_or(0);
        match &mut region.budget {
            Budget::Growing { amount, .. } => *amount = new,
            Budget::PerYear(amounts) => {
                let scaled: Vec<i64> = amounts
                    .iter()
                    .map(|a| {
                        let value = if first > 0 {
                            i128::from(*a) * i128::from(new) / i128::from(first)
                        } else {
                            i128::from(new)
                        };
                        i64::try_from(value.clamp(0, i128::from(MAX_RUPIAH))).unwrap_or(0)
                    })
                    .collect();
                *amounts = if scaled.is_empty() { vec![new] } else { scaled };
            }
        }
    }
}

/// The coverage target of the last year, % of the pool, when every region has the same one.
pub fn target_pct(plan: &Plan) -> Option<f64> {
    let mut targets = plan.regions.iter().map(|r| last_target(&r.coverage.path));
    let first = targets.next()??;
    targets.all(|t| t == Some(first)).then_some(first)
}

fn last_target(path: &CoveragePath) -> Option<f64> {
    match path {
        CoveragePath::Ramp { target_pct } | CoveragePath::SCurve { target_pct, .. } => {
            Some(*target_pct)
        }
        CoveragePath::PerYear(values) => values.last().copied(),
    }
}

/// Sets every region's coverage target of the last year to `pct` (0–100): a ramp or S-curve
/// gets the new target; shares per year are scaled so the last one is `pct`, keeping their
/// shape (each at most 100%).
pub fn set_target_pct(plan: &mut Plan, pct: f64) {
    let pct = if pct.is_finite() {
        pct.clamp(0.0, 100.0)
    } else {
        return;
    };
    for region in &mut plan.regions {
        match &mut region.coverage.path {
            CoveragePath::Ramp { target_pct } | CoveragePath::SCurve { target_pct, .. } => {
                *target_pct = pct;
            }
            CoveragePath::PerYear(values) => {
                let last = values.last().copied().unwrap_or(0.0);
                for value in values.iter_mut() {
                    *value = if last > 0.0 {
                        (*value * pct / last).min(100.0)
                    } else {
                        pct
                    };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::defaults::{new_plan, region};
    use crate::model::plan::Level;

    fn two_regions() -> Plan {
        let mut plan = new_plan(2026);
        plan.regions = vec![
            region("Kota Palu", Level::Kota, "72.71"),
            region("Kabupaten Sigi", Level::Kabupaten, "72.10"),
        ];
        plan.regions[0].budget = Budget::Growing {
            amount: 3_000_000_000,
            growth_pct: 5.0,
        };
        plan.regions[1].budget = Budget::PerYear(vec![1_000_000_000, 1_500_000_000]);
        plan
    }

    #[test]
    fn the_budget_lever_keeps_each_regions_share_and_shape() {
        let mut plan = two_regions();
        // Rp3 miliar + Rp1 miliar in the first year.
        assert_eq!(first_year_budget(&plan), 4_000_000_000);
        // Rp6 miliar: Palu keeps 3/4 (Rp4,5 miliar, still growing 5%), Sigi 1/4 (Rp1,5
        // miliar, and its second year 1,5 × Rp1,5 miliar = Rp2,25 miliar).
        set_first_year_budget(&mut plan, 6_000_000_000);
        assert_eq!(
            plan.regions[0].budget,
            Budget::Growing {
                amount: 4_500_000_000,
                growth_pct: 5.0
            }
        );
        assert_eq!(
            plan.regions[1].budget,
            Budget::PerYear(vec![1_500_000_000, 2_250_000_000])
        );
        assert_eq!(first_year_budget(&plan), 6_000_000_000);
        // From nothing: an equal share each.
        set_first_year_budget(&mut plan, 0);
        set_first_year_budget(&mut plan, 2_000_000_000);
        assert_eq!(first_year_budget(&plan), 2_000_000_000);
        // Never past the limit of a budget.
        set_first_year_budget(&mut plan, i64::MAX);
        assert!(first_year_budget(&plan) <= MAX_RUPIAH);
    }

    #[test]
    fn the_target_lever_sets_every_regions_last_year() {
        let mut plan = two_regions();
        plan.regions[0].coverage.path = CoveragePath::Ramp { target_pct: 80.0 };
        plan.regions[1].coverage.path = CoveragePath::PerYear(vec![20.0, 40.0, 80.0]);
        assert_eq!(target_pct(&plan), Some(80.0));
        // 60%: the ramp's target, and the shares per year × 60/80 = 15, 30, 60.
        set_target_pct(&mut plan, 60.0);
        assert_eq!(
            plan.regions[0].coverage.path,
            CoveragePath::Ramp { target_pct: 60.0 }
        );
        assert_eq!(
            plan.regions[1].coverage.path,
            CoveragePath::PerYear(vec![15.0, 30.0, 60.0])
        );
        // Different targets: none to show.
        plan.regions[0].coverage.path = CoveragePath::Ramp { target_pct: 90.0 };
        assert_eq!(target_pct(&plan), None);
        // Never past 100% nor NaN.
        set_target_pct(&mut plan, 250.0);
        assert_eq!(target_pct(&plan), Some(100.0));
        set_target_pct(&mut plan, f64::NAN);
        assert_eq!(target_pct(&plan), Some(100.0));
    }
}
