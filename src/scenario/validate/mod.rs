//! Checks every value of a parsed scenario and reports each problem with its field path.
//! The checks of the assumptions, the rule sets and each region are in their own files.

mod assumptions;
mod region;
mod rules;
mod suspicious;

pub use suspicious::suspicious;

use super::problem::{Problem, count_arg, placed};
use crate::model::builtin;
use crate::model::limits::{
    GROWTH_RANGE, MAX_CONTRIBUTION, MAX_COUNT, MAX_INCOME, MAX_LIST, MAX_REGIONS, MAX_RUPIAH,
    MAX_YEARS,
};
use crate::model::plan::field::{ApbdPath, FieldPath, plan as root};
use crate::model::plan::{
    Apbd, Horizon, Level, Mortality, Plan, QuotaSplit, YearMonth, years_since,
};
use crate::model::rules::RuleTimeline;

const SUM_TOLERANCE: f64 = 1e-6;

/// Every problem in the plan's values; empty when it is valid.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut c = Checker::default();
    let Plan {
        meta,
        horizon,
        direction,
        programme,
        assumptions,
        regions,
        province_quota,
        rule_sets,
    } = plan;

    let at = root();
    c.area_code(at.meta().code(), &meta.code, meta.level);
    if let Some(apbd) = &meta.apbd {
        c.apbd(at.meta().apbd(), apbd, horizon.first_year);
    }
    if let Some(target) = &meta.ucj_target {
        c.percent(at.meta().ucj_target().value(), target.value);
    }
    c.whole(
        at.horizon().first_year(),
        horizon.first_year as i64,
        2000,
        2100,
    );
    c.whole(
        at.horizon().years(),
        horizon.years as i64,
        1,
        MAX_YEARS as i64,
    );
    c.whole(
        at.programme().declared_income().value(),
        programme.declared_income.value,
        1,
        MAX_INCOME,
    );
    c.assumptions(assumptions);

    c.at_most(at.rule_sets(), rule_sets.len(), MAX_LIST);
    c.at_most(at.regions(), regions.len(), MAX_REGIONS);
    let mut ids = std::collections::HashSet::with_capacity(rule_sets.len());
    for (i, rule_set) in rule_sets.iter().enumerate() {
        c.rule_set(at.rule_set(i), rule_set);
        if !ids.insert(rule_set.id.as_str()) {
            c.problem(
                at.rule_set(i).id(),
                "problem.duplicate_rule_set",
                vec![("id", rule_set.id.clone())],
            );
        }
    }
    match builtin::resolve(plan, &meta.rule_set) {
        None => c.problem(
            at.meta().rule_set(),
            "problem.unknown_rule_set",
            vec![
                ("id", meta.rule_set.clone()),
                ("known", builtin::available_ids(plan).join(", ")),
            ],
        ),
        Some(rule_set) => {
            c.declared_income(
                programme.declared_income.value,
                builtin::income_brackets(rule_set),
            );
            // Only over values already found valid (a rule set's stages of billions of years
            // would ask the timeline for billions of entries; fuzzing found it).
            if c.problems.is_empty()
                && (1..=MAX_YEARS).contains(&horizon.years)
                && let Ok(timeline) = RuleTimeline::new(
                    rule_set,
                    builtin::income_brackets(rule_set),
                    *horizon,
                    programme,
                    assumptions,
                )
                && let Some((month, &most)) = timeline
                    .contribution
                    .iter()
                    .enumerate()
                    .max_by_key(|(_, c)| **c)
                && most > MAX_CONTRIBUTION
            {
                c.problem(
                    at.programme().declared_income().value(),
                    "problem.contribution_too_large",
                    vec![
                        ("amount", count_arg(most)),
                        ("year", (horizon.first_year + month as i32 / 12).to_string()),
                        ("max", count_arg(MAX_CONTRIBUTION)),
                    ],
                );
            }
            let first_month = YearMonth {
                year: horizon.first_year,
                month: 1,
            };
            if let Some(earliest) = rule_set.periods.iter().map(|p| p.from).min()
                && earliest > first_month
            {
                c.problem(
                    at.meta().rule_set(),
                    "problem.rule_gap",
                    vec![
                        ("id", rule_set.id.clone()),
                        ("year", first_month.year.to_string()),
                        ("month", "01".to_owned()),
                        ("from", format!("{}-{:02}", earliest.year, earliest.month)),
                    ],
                );
            }
        }
    }

    if regions.is_empty() {
        c.problem(at.regions(), "problem.empty", vec![]);
    }
    if let Some(quota) = province_quota {
        let q = at.province_quota();
        c.whole(q.workers(), quota.workers, 0, MAX_COUNT);
        if let QuotaSplit::Explicit(counts) = &quota.split {
            c.per_year_length_of(
                q.split(),
                counts.len(),
                regions.len(),
                "problem.length_regions",
            );
            for (i, count) in counts.iter().enumerate() {
                c.whole(q.part(i), *count, 0, MAX_COUNT);
            }
            let sum = counts.iter().fold(0_i64, |a, b| a.saturating_add(*b));
            if sum != quota.workers {
                c.problem(
                    q.split(),
                    "problem.quota_sum",
                    vec![
                        ("sum", count_arg(sum)),
                        ("workers", count_arg(quota.workers)),
                    ],
                );
            }
        }
    }
    // All regions' pools together, in the year each is largest, stay within the count limit.
    let total_pool: f64 = regions
        .iter()
        .map(|r| {
            let years = (horizon.years.clamp(1, MAX_YEARS) - 1) as i32;
            let growth = 1.0 + r.pool.growth_pct / 100.0;
            let first = years_since(r.pool.base_year, horizon.first_year);
            let ends = [growth.powi(first), growth.powi(first + years)];
            r.pool.count.clamp(0, MAX_COUNT) as f64 * ends[0].max(ends[1])
        })
        .sum();
    if regions.len() > 1 && total_pool > MAX_COUNT as f64 {
        c.problem(
            at.regions(),
            "problem.total_pool_too_large",
            vec![("max", count_arg(MAX_COUNT))],
        );
    }
    for (i, region) in regions.iter().enumerate() {
        c.region(at.region(i), region, *horizon, *direction);
        if let Mortality::AgeBands(table) = &assumptions.mortality {
            let (min, max) = (region.pool.age_min, region.pool.age_max);
            let covered = table
                .bands
                .iter()
                .any(|b| b.share_pct > 0.0 && b.from <= max && b.to >= min);
            if !covered && min < max {
                c.problem(
                    at.region(i).pool().age_min(),
                    "problem.no_age_band",
                    vec![("min", min.to_string()), ("max", max.to_string())],
                );
            }
            // The shares describe the members: a band with members must meet their ages.
            for (b, band) in table.bands.iter().enumerate() {
                if covered && band.share_pct > 0.0 && (band.to < min || band.from > max) {
                    c.problem(
                        at.assumptions().mortality().band(b).share_pct(),
                        "problem.band_outside_ages",
                        vec![
                            ("from", band.from.to_string()),
                            ("to", band.to.to_string()),
                            ("region", at.region(i).whole().to_string()),
                            ("min", min.to_string()),
                            ("max", max.to_string()),
                        ],
                    );
                }
            }
        }
    }
    placed(c.problems, plan)
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(&mut self, path: FieldPath, key: &'static str, args: Vec<(&'static str, String)>) {
        self.problems.push(Problem::at_field(path, key, args));
    }

    /// A finite number within [min, max].
    fn number(&mut self, path: FieldPath, value: f64, min: f64, max: f64) {
        if !value.is_finite() {
            self.problem(path, "problem.not_finite", vec![]);
        } else if value < min {
            self.problem(path, "problem.below_min", vec![("min", plain(min))]);
        } else if value > max {
            self.problem(path, "problem.above_max", vec![("max", plain(max))]);
        }
    }

    /// A value growing `growth_pct` a year from `base_offset` years before the horizon that
    /// stays at most `max` in every year of it (checked only once the value itself is valid).
    fn grows_within(
        &mut self,
        path: FieldPath,
        value: i64,
        growth_pct: f64,
        base_offset: i32,
        horizon: Horizon,
        max: i64,
    ) {
        if !(0..=max).contains(&value)
            || !growth_pct.is_finite()
            || !(1..=MAX_YEARS).contains(&horizon.years)
        {
            return;
        }
        let last = base_offset.saturating_add(horizon.years as i32 - 1);
        let reached = value as f64 * (1.0 + growth_pct / 100.0).powi(last.max(0));
        if reached > max as f64 {
            // The first year of the horizon it passes the limit.
            let growth = 1.0 + growth_pct / 100.0;
            let past = (0..horizon.years as i32)
                .find(|y| value as f64 * growth.powi(base_offset + y) > max as f64)
                .unwrap_or(horizon.years as i32 - 1);
            self.problem(
                path,
                "problem.grows_past_limit",
                vec![
                    ("growth", plain(growth_pct)),
                    ("year", (horizon.first_year + past).to_string()),
                    ("max", count_arg(max)),
                ],
            );
        }
    }

    /// A list of at most `max` entries.
    fn at_most(&mut self, path: FieldPath, len: usize, max: usize) {
        if len > max {
            self.problem(
                path,
                "problem.too_many",
                vec![
                    ("count", count_arg(len as i64)),
                    ("max", count_arg(max as i64)),
                ],
            );
        }
    }

    fn whole(&mut self, path: FieldPath, value: i64, min: i64, max: i64) {
        if value < min {
            self.problem(path, "problem.below_min", vec![("min", min.to_string())]);
        } else if value > max {
            self.problem(path, "problem.above_max", vec![("max", max.to_string())]);
        }
    }

    fn percent(&mut self, path: FieldPath, value: f64) {
        self.number(path, value, 0.0, 100.0);
    }

    fn growth(&mut self, path: FieldPath, value: f64) {
        self.number(path, value, GROWTH_RANGE.0, GROWTH_RANGE.1);
    }

    fn area_code(&mut self, path: FieldPath, code: &str, level: Level) {
        let parts: Vec<&str> = code.split('.').collect();
        let two_digits = |p: &&str| p.len() == 2 && p.chars().all(|ch| ch.is_ascii_digit());
        let expected_parts = match level {
            Level::Provinsi => 1,
            Level::Kabupaten | Level::Kota => 2,
        };
        if parts.len() != expected_parts || !parts.iter().all(two_digits) {
            self.problem(
                path,
                "problem.code_format",
                vec![("found", code.to_owned())],
            );
        }
    }

    fn apbd(&mut self, path: ApbdPath, apbd: &Apbd, first_year: i32) {
        self.whole(path.total(), apbd.total, 0, MAX_RUPIAH);
        self.growth(path.growth_pct(), apbd.growth_pct);
        self.base_year(path.base_year(), apbd.base_year, first_year);
    }

    /// A figure's year must not be after the first projection year, nor more than the
    /// longest horizon before it.
    fn base_year(&mut self, path: FieldPath, year: Option<i32>, first_year: i32) {
        let Some(year) = year else {
            return;
        };
        if year > first_year {
            self.problem(
                path,
                "problem.base_year_after",
                vec![
                    ("year", year.to_string()),
                    ("first", first_year.to_string()),
                ],
            );
        } else {
            self.whole(
                path,
                i64::from(year),
                i64::from(first_year) - i64::from(MAX_YEARS),
                i64::from(first_year),
            );
        }
    }

    fn sum_is_100(&mut self, path: FieldPath, sum: f64) {
        if sum.is_finite() && (sum - 100.0).abs() > SUM_TOLERANCE {
            self.problem(path, "problem.sum_not_100", vec![("sum", plain(sum))]);
        }
    }

    /// A list that needs one value per region or per year (`key` says which).
    fn per_year_length_of(
        &mut self,
        path: FieldPath,
        found: usize,
        expected: usize,
        key: &'static str,
    ) {
        if found != expected {
            self.problem(
                path,
                key,
                vec![
                    ("expected", expected.to_string()),
                    ("found", found.to_string()),
                ],
            );
        }
    }

    fn per_year_length(&mut self, path: FieldPath, found: usize, years: u32) {
        self.per_year_length_of(path, found, years as usize, "problem.length_mismatch");
    }
}

/// A number as plain text for messages (no needless decimals).
fn plain(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{}", (value * 1000.0).round() / 1000.0)
    }
}
