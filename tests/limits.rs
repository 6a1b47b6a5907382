//! No number a planner sees can wrap around, saturate or be NaN: every input is bounded so
//! that the projection's products fit (`model::limits`), and a scenario at or past every bound
//! is either refused with a located problem or projected to finite, non-negative figures.
//!
//! Tests build without optimisation, where Rust checks every integer operation for overflow
//! and panics on one: a projection that overflowed would fail these tests.

#![allow(clippy::expect_used)]

use lindung::model::defaults::{new_plan, region};
use lindung::model::limits::{GROWTH_RANGE, MAX_COUNT, MAX_INCOME, MAX_RUPIAH, MAX_YEARS};
use lindung::model::plan::field::plan as root;
use lindung::model::plan::{
    AgeBand, AgeBandMortality, Basis, Budget, CoveragePath, Direction, Level, Mortality, Payer,
    PayerKind, Plan, RulePeriod, RuleSet, ScholarshipRule, SchoolStage, Sourced, YearMonth,
};
use lindung::scenario::{Location, evaluate, validate};

/// The highest declared income of the BPU table (Lampiran II PP 44/2015).
const TOP_BRACKET: i64 = 20_700_000;

fn stage(per_year: i64, years: u32) -> SchoolStage {
    SchoolStage { per_year, years }
}

/// A rule period at the top of every range the file format allows.
fn steepest_period() -> RulePeriod {
    RulePeriod {
        from: YearMonth {
            year: 2020,
            month: 1,
        },
        note: "ekstrem".to_owned(),
        jkk_pct: 100.0,
        jkm_per_month: MAX_INCOME,
        jht_pct: 100.0,
        jkm_death_benefit: MAX_INCOME,
        funeral_benefit: MAX_INCOME,
        jkm_waiting_months: 0,
        jkk_death_income_multiple: MAX_INCOME,
        jkk_death_extra: MAX_INCOME,
        scholarship: ScholarshipRule {
            max_children: 20,
            jkm_min_membership_months: 0,
            tk: stage(MAX_INCOME, 20),
            sd: stage(MAX_INCOME, 20),
            smp: stage(MAX_INCOME, 20),
            sma: stage(MAX_INCOME, 20),
            pt: stage(MAX_INCOME, 20),
            lump_sum: MAX_INCOME,
        },
    }
}

/// Thirty years of the highest declared income (the top bracket of PP 44/2015, Rp20,7 juta)
/// growing 100% a year under a 100% rule, regions of a billion workers each growing 100% a year
/// with budgets at the Rupiah limit, and an age band to the largest age a file can hold.
fn extreme() -> Plan {
    let mut plan = new_plan(2026);
    plan.horizon.years = MAX_YEARS;
    plan.meta.code = "72.10".to_owned();
    plan.meta.rule_set = "ekstrem".to_owned();
    plan.programme.declared_income.value = TOP_BRACKET;
    plan.programme.jht = true;
    plan.assumptions.income_growth_pct.value = GROWTH_RANGE.1;
    plan.assumptions.mortality = Mortality::AgeBands(AgeBandMortality {
        loading: 10.0,
        male_pct: 50.0,
        bands: vec![AgeBand {
            from: 0,
            to: u32::MAX,
            share_pct: 100.0,
            male_per_mille: 1000.0,
            female_per_mille: 1000.0,
        }],
        source: String::new(),
    });
    plan.rule_sets = vec![RuleSet {
        id: "ekstrem".to_owned(),
        title: "ekstrem".to_owned(),
        source: "uji".to_owned(),
        income_brackets: None,
        periods: vec![steepest_period()],
    }];
    plan.regions = (0..20)
        .map(|i| {
            let mut r = region(&format!("Wilayah {i}"), Level::Kabupaten, "72.10");
            r.pool.count = MAX_COUNT;
            r.pool.growth_pct = GROWTH_RANGE.1;
            r.coverage.start_pct = 100.0;
            r.coverage.path = CoveragePath::Ramp { target_pct: 100.0 };
            r.budget = Budget::Growing {
                amount: MAX_RUPIAH,
                growth_pct: GROWTH_RANGE.1,
            };
            r.funding.payers = vec![Payer {
                kind: PayerKind::ApbdProvinsi,
                basis: Basis::Workers(MAX_COUNT),
                source: String::new(),
            }];
            r
        })
        .collect();
    plan
}

/// Every figure of every year is a finite, non-negative number.
fn all_finite(plan: &Plan) {
    let projection = evaluate(plan).expect("valid");
    for row in projection
        .regions
        .iter()
        .flat_map(|r| &r.years)
        .chain(&projection.total)
    {
        let whole = [
            row.cost_total,
            row.cost_jkk,
            row.cost_jkm,
            row.cost_jht,
            row.pool,
        ];
        assert!(whole.iter().all(|v| (0..i64::MAX).contains(v)), "{row:?}");
        let decimals = [
            row.deaths_expected,
            row.benefits_paid(),
            row.scholarships_paid,
            row.member_years,
        ];
        assert!(
            decimals.iter().all(|v| v.is_finite() && *v >= 0.0),
            "{row:?}"
        );
    }
}

#[test]
fn the_most_extreme_scenario_is_refused_at_each_input_past_a_bound() {
    let plan = extreme();
    let problems = validate(&plan);
    let at = |path| problems.iter().any(|p| p.location == Location::Field(path));
    let a = root();
    // (The contribution past its bound is checked once everything else is valid: below.)
    // A billion workers growing 100% a year pass the billion of the limit in the second year.
    assert!(at(a.region(0).pool().count()));
    // So does the budget.
    assert!(at(a.region(0).budget().amount()));
    // An age past 120.
    assert!(at(a.assumptions().mortality().band(0).to()));
    // A billion times the income on a death: more than the 1.000 the limit allows.
    assert!(at(a.rule_set(0).period(0).jkk_death_income_multiple()));
}

#[test]
fn scenarios_at_the_bounds_give_finite_figures() {
    // Each bound reached alone, with everything else as the extreme scenario has it but
    // brought inside its limit.
    let mut plan = extreme();
    plan.assumptions.income_growth_pct.value = 0.0;
    plan.assumptions.mortality = lindung::model::defaults::assumptions().mortality;
    plan.rule_sets[0].periods[0].jkk_death_income_multiple = 1000;
    // A member-month's contribution at the Rp10 juta bound: JKK 10% + JHT 10% of Rp20,7 juta
    // (Rp4.140.000) + JKM Rp5.860.000 = Rp10.000.000.
    let period = &mut plan.rule_sets[0].periods[0];
    period.jkk_pct = 10.0;
    period.jht_pct = 10.0;
    period.jkm_per_month = 5_860_000;
    // A billion workers in all, the regions sharing them; budgets at the limit, not growing.
    let regions = plan.regions.len() as i64;
    for r in &mut plan.regions {
        r.pool.count = MAX_COUNT / regions;
        r.pool.growth_pct = 0.0;
        r.budget = Budget::Growing {
            amount: MAX_RUPIAH,
            growth_pct: 0.0,
        };
    }
    assert_eq!(validate(&plan), vec![]);
    all_finite(&plan);
    plan.direction = Direction::BudgetCap;
    all_finite(&plan);
}

#[test]
fn a_contribution_past_its_bound_is_refused_where_it_is_set() {
    let mut plan = extreme();
    plan.assumptions.income_growth_pct = Sourced::new(0.0, "");
    plan.assumptions.mortality = lindung::model::defaults::assumptions().mortality;
    plan.rule_sets[0].periods[0].jkk_death_income_multiple = 48;
    for r in &mut plan.regions {
        r.pool.count = 1000;
        r.pool.growth_pct = 0.0;
        r.budget = Budget::Growing {
            amount: 1000,
            growth_pct: 0.0,
        };
    }
    // JKK 100% + JHT 100% of Rp20,7 juta + JKM Rp1 miliar = Rp1.041.400.000 a member-month.
    let problems = validate(&plan);
    assert!(
        problems
            .iter()
            .any(|p| p.key == "problem.contribution_too_large"),
        "{problems:#?}"
    );
}

/// Found by fuzzing: a scenario rule set whose school stages last billions of years is refused
/// at those fields, without building its benefits first (that asked for 150 GB).
#[test]
fn a_rule_set_with_endless_school_stages_is_refused_without_being_built() {
    let mut plan = extreme();
    plan.rule_sets[0].periods[0].scholarship.sd.years = u32::MAX;
    let problems = validate(&plan);
    let sd_years = root().rule_set(0).period(0).scholarship().sd().years();
    assert!(
        problems
            .iter()
            .any(|p| p.location == Location::Field(sd_years)),
        "{problems:#?}"
    );
}
