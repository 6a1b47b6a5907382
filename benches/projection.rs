//! Speed of a full recompute: the 13-region Sulawesi Tengah example (the app recomputes on
//! every keystroke) and a national-scale plan of 514 kabupaten/kota over 30 years, projected
//! in full and after an edit to one region.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lindung::model::plan::Direction;
use lindung::model::{self, builtin};
use lindung::scenario;

mod common;
use common::{national, sulteng};

fn projection(c: &mut Criterion) {
    let coverage = sulteng();
    let rules = match builtin::resolve(&coverage, &coverage.meta.rule_set) {
        Some(rules) => rules.clone(),
        None => panic!("rule set missing"),
    };
    c.bench_function("sulteng_13_regions_validate_and_project", |b| {
        b.iter(|| scenario::evaluate(black_box(&coverage)))
    });
    c.bench_function("sulteng_13_regions_project", |b| {
        b.iter(|| model::project(black_box(&coverage), black_box(&rules)))
    });
    // The budget direction searches for the most workers a budget buys, per region and year.
    let mut budget = coverage.clone();
    budget.direction = Direction::BudgetCap;
    c.bench_function("sulteng_13_regions_budget_cap", |b| {
        b.iter(|| scenario::evaluate(black_box(&budget)))
    });

    let national = national();
    c.bench_function("national_514_regions_30_years_project", |b| {
        b.iter(|| model::project(black_box(&national), black_box(&rules)))
    });
    // An edit to one region: the app reuses the other 513 regions' results.
    let before = match model::project(&national, &rules) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    let mut edited = national.clone();
    edited.regions[7].pool.count += 1_000;
    c.bench_function("national_514_regions_30_years_edit_one_region", |b| {
        b.iter(|| {
            model::project_reusing(
                black_box(&edited),
                black_box(&rules),
                Some((&national, &before)),
            )
        })
    });
    c.bench_function("national_514_regions_30_years_validate_and_edit", |b| {
        b.iter(|| scenario::evaluate_reusing(black_box(&edited), Some((&national, &before))))
    });
}

criterion_group!(benches, projection);
criterion_main!(benches);
