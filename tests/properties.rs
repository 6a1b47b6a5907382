//! Property tests of the model: monotone cost, zero for zero, payers add up, and the two
//! directions (coverage → budget, budget → coverage) are inverses.

use lindung::model::Projection;
use lindung::model::defaults::{new_plan, region};
use lindung::model::plan::{
    Basis, Budget, CoveragePath, Direction, Enrolment, Level, Payer, PayerKind, Plan, Wave,
};
use lindung::scenario::evaluate;
use proptest::prelude::*;

/// Contribution of one worker for one month under the default rules (JKK Rp10.000 + JKM
/// Rp6.800): the "one worker-month" tolerance of the inverse property.
const WORKER_MONTH: i64 = 16_800;

#[derive(Clone, Debug)]
struct Case {
    pool: i64,
    pool_growth: f64,
    start_pct: f64,
    target_pct: f64,
    years: u32,
    waves: Vec<(u32, f64)>,
    s_curve: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        0..200_000_i64,
        -5.0..10.0_f64,
        0.0..100.0_f64,
        0.0..100.0_f64,
        1..8_u32,
        prop::collection::vec((1..=12_u32, 1.0..100.0_f64), 1..4),
        any::<bool>(),
    )
        .prop_map(
            |(pool, pool_growth, start_pct, target_pct, years, waves, s_curve)| Case {
                pool,
                pool_growth,
                start_pct,
                target_pct,
                years,
                waves,
                s_curve,
            },
        )
}

fn scenario(case: &Case) -> Plan {
    let mut s = new_plan(2026);
    s.horizon.years = case.years;
    s.meta.code = "72.10".into();
    let mut r = region("Kab. Sigi", Level::Kabupaten, "72.10");
    r.pool.count = case.pool;
    r.pool.growth_pct = case.pool_growth;
    r.coverage.start_pct = case.start_pct;
    r.coverage.path = if case.s_curve {
        CoveragePath::SCurve {
            target_pct: case.target_pct,
            steepness: 8.0,
        }
    } else {
        CoveragePath::Ramp {
            target_pct: case.target_pct,
        }
    };
    // Normalise the wave shares to 100%.
    let total: f64 = case.waves.iter().map(|(_, share)| share).sum();
    r.coverage.waves = case
        .waves
        .iter()
        .map(|(month, share)| Wave {
            month: *month,
            share_pct: share / total * 100.0,
            until_month: None,
        })
        .collect();
    let sum: f64 = r.coverage.waves.iter().map(|w| w.share_pct).sum();
    r.coverage.waves[0].share_pct += 100.0 - sum;
    s.regions = vec![r];
    s
}

fn run(s: &Plan) -> Projection {
    match evaluate(s) {
        Ok(p) => p,
        Err(problems) => panic!("{problems:?}"),
    }
}

fn total_cost(p: &Projection) -> i64 {
    p.total.iter().map(|y| y.cost_total).sum()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn cost_rises_with_coverage(case in case(), more in 0.0..50.0_f64) {
        let low = scenario(&case);
        let mut high_case = case.clone();
        high_case.target_pct = (case.target_pct + more).min(100.0);
        let high = scenario(&high_case);
        let (low, high) = (run(&low), run(&high));
        prop_assert!(total_cost(&high) >= total_cost(&low));
        for (l, h) in low.total.iter().zip(&high.total) {
            prop_assert!(h.cost_total >= l.cost_total, "year {}: {} < {}", l.year, h.cost_total, l.cost_total);
            prop_assert!(h.enrolled_end >= l.enrolled_end);
        }
    }

    #[test]
    fn zero_coverage_costs_zero(mut case in case()) {
        case.start_pct = 0.0;
        case.target_pct = 0.0;
        let p = run(&scenario(&case));
        prop_assert_eq!(total_cost(&p), 0);
        for year in &p.total {
            prop_assert_eq!(year.enrolled_end, 0);
            prop_assert_eq!(year.deaths_expected, 0.0);
            prop_assert_eq!(year.benefits_paid(), 0.0);
        }
    }

    #[test]
    fn payers_sum_to_the_total(
        case in case(),
        share in 0.0..60.0_f64,
        share2 in 0.0..40.0_f64,
        amount in 0..5_000_000_000_i64,
        quota in 0..100_000_i64,
    ) {
        let mut s = scenario(&case);
        s.regions[0].funding.payers = vec![
            Payer { kind: PayerKind::ApbdProvinsi, basis: Basis::Share(share), source: String::new() },
            Payer { kind: PayerKind::Baznas, basis: Basis::Share(share2), source: String::new() },
            Payer { kind: PayerKind::Csr, basis: Basis::Amount(amount), source: String::new() },
            Payer { kind: PayerKind::ApbDesa, basis: Basis::Workers(quota), source: String::new() },
        ];
        let p = run(&s);
        for year in p.total.iter().chain(&p.regions[0].years) {
            let by_payer: i64 = year.cost_by_payer.iter().sum();
            prop_assert_eq!(by_payer, year.cost_total);
            prop_assert!(year.cost_by_payer.iter().all(|c| *c >= 0));
        }
    }

    #[test]
    fn sustainable_enrolment_never_cuts_the_members_it_enrolled(
        mut case in case(),
        budgets in proptest::collection::vec(0..20_000_000_000_i64, 30),
    ) {
        // Nobody starts enrolled, so every member was enrolled by the budget: whatever the
        // budgets do (rise, fall, dip), no year has to stop paying for anyone.
        case.start_pct = 0.0;
        let mut s = scenario(&case);
        s.direction = Direction::BudgetCap;
        s.regions[0].coverage.enrolment = Enrolment::Sustainable;
        s.regions[0].budget = Budget::PerYear(budgets[..case.years as usize].to_vec());
        let p = run(&s);
        for year in &p.total {
            prop_assert_eq!(year.enrolled_cut, 0, "year {}", year.year);
            prop_assert!(year.cost_total <= year.budget.unwrap_or(0));
        }
    }

    #[test]
    fn budget_and_coverage_directions_are_inverses(case in case()) {
        // Coverage target → the budget each year needs.
        let coverage = scenario(&case);
        let needed = run(&coverage);
        // That budget, given back → the same enrolment, within one worker-month of cost.
        // Filling each year's budget is the exact inverse; sustainable enrolment holds back
        // when a later budget is smaller (a falling target), so it is checked below.
        let mut budget = coverage.clone();
        budget.direction = Direction::BudgetCap;
        budget.regions[0].coverage.enrolment = Enrolment::FillEachYear;
        budget.regions[0].budget =
            Budget::PerYear(needed.total.iter().map(|y| y.cost_total).collect());
        let bought = run(&budget);
        for (n, b) in needed.total.iter().zip(&bought.total) {
            prop_assert!((n.cost_total - b.cost_total).abs() <= WORKER_MONTH,
                "year {}: cost {} vs {}", n.year, n.cost_total, b.cost_total);
            prop_assert!(b.cost_total <= n.cost_total);
            prop_assert!((n.enrolled_end - b.enrolled_end).abs() <= 1,
                "year {}: enrolled {} vs {}", n.year, n.enrolled_end, b.enrolled_end);
        }
    }
}

/// The most extreme values validation lets through: nothing may panic or overflow.
fn extreme() -> impl Strategy<Value = Plan> {
    use lindung::model::limits::{GROWTH_RANGE, MAX_COUNT, MAX_RUPIAH};
    (
        prop_oneof![Just(0), Just(MAX_COUNT), 0..MAX_COUNT],
        prop_oneof![Just(GROWTH_RANGE.0), Just(GROWTH_RANGE.1)],
        // The lowest and highest BPU brackets.
        prop_oneof![Just(1_000_000), Just(20_700_000)],
        prop_oneof![Just(0), Just(MAX_RUPIAH)],
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(pool, growth, income, money, budget_cap, jht)| {
            let mut s = scenario(&Case {
                pool,
                pool_growth: growth,
                start_pct: 100.0,
                target_pct: 100.0,
                years: 30,
                waves: vec![(1, 50.0), (12, 50.0)],
                s_curve: false,
            });
            s.programme.jht = jht;
            s.programme.declared_income.value = income;
            s.assumptions.income_growth_pct.value = growth;
            s.assumptions.mortality = lindung::model::plan::Mortality::Flat(
                lindung::model::plan::Sourced::new(1000.0, ""),
            );
            let r = &mut s.regions[0];
            r.workforce.employed = MAX_COUNT;
            r.workforce.employed_growth_pct = growth;
            r.budget = Budget::Growing {
                amount: money,
                growth_pct: growth,
            };
            r.funding.payers = vec![
                Payer {
                    kind: PayerKind::Csr,
                    basis: Basis::Amount(money),
                    source: String::new(),
                },
                Payer {
                    kind: PayerKind::Baznas,
                    basis: Basis::Workers(MAX_COUNT),
                    source: String::new(),
                },
            ];
            if budget_cap {
                s.direction = Direction::BudgetCap;
            }
            let mut twin = s.regions[0].clone();
            twin.name = "Kab. Kembar".into();
            s.regions.push(twin);
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn extreme_values_never_panic(s in extreme()) {
        // Either refused, each problem at the field past its bound, or projected to finite
        // figures whose payers add up to the cost (no overflow panics in a test build).
        match evaluate(&s) {
            Err(problems) => {
                for problem in &problems {
                    prop_assert!(
                        matches!(problem.location, lindung::scenario::Location::Field(_)),
                        "{:?}",
                        problem
                    );
                }
            }
            Ok(p) => {
                for year in &p.total {
                    prop_assert!(year.cost_total >= 0);
                    prop_assert!(year.deaths_expected.is_finite());
                    prop_assert_eq!(year.cost_by_payer.iter().sum::<i64>(), year.cost_total);
                }
            }
        }
    }
}
