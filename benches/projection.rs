//! Speed of a full recompute for the 13-region Sulawesi Tengah example: the app recomputes
//! on every keystroke, so this must stay well under 1 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lindung::scenario::{self};
use lindung::model::plan::Direction;

fn sulteng() -> scenario::Plan {
    match scenario::parse(include_str!("../scenarios/sulteng-2026.ron")) {
        Ok(s) => s,
        Err(problems) => panic!("{problems:?}"),
    }
}

fn projection(c: &mut Criterion) {
    let coverage = sulteng();
    let rules = match scenario::rules::resolve(&coverage, &coverage.meta.rule_set) {
        Some(rules) => rules.clone(),
        None => panic!("rule set missing"),
    };
    c.bench_function("sulteng_13_regions_validate_and_project", |b| {
        b.iter(|| scenario::evaluate(black_box(&coverage)))
    });
    c.bench_function("sulteng_13_regions_project", |b| {
        b.iter(|| lindung::model::project(black_box(&coverage), black_box(&rules)))
    });
    // The budget direction searches for the most workers a budget buys, per region and year.
    let mut budget = coverage.clone();
    budget.direction = Direction::BudgetCap;
    c.bench_function("sulteng_13_regions_budget_cap", |b| {
        b.iter(|| scenario::evaluate(black_box(&budget)))
    });
}

criterion_group!(benches, projection);
criterion_main!(benches);
