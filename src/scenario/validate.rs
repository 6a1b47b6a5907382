//! Checks every value of a parsed scenario and reports each problem with its field path.

use super::problem::{Problem, count_arg};
use crate::model::builtin;
use crate::model::limits::{GROWTH_RANGE, MAX_COUNT, MAX_INCOME, MAX_RUPIAH, MAX_YEARS};
use crate::model::plan::{
    Apbd, Assumptions, Basis, Budget, CoveragePath, Direction, Horizon, IncomeBrackets, Level,
    Mortality, Plan, QuotaSplit, Region, RuleSet, YearMonth,
};

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

    c.area_code("meta.code", &meta.code, meta.level);
    if let Some(apbd) = &meta.apbd {
        c.apbd("meta.apbd", apbd, horizon.first_year);
    }
    if let Some(target) = &meta.ucj_target {
        c.percent("meta.ucj_target.value", target.value);
    }
    c.whole("horizon.first_year", horizon.first_year as i64, 2000, 2100);
    c.whole("horizon.years", horizon.years as i64, 1, MAX_YEARS as i64);
    c.whole(
        "programme.declared_income.value",
        programme.declared_income.value,
        1,
        MAX_INCOME,
    );
    c.assumptions(assumptions);

    for (i, rule_set) in rule_sets.iter().enumerate() {
        c.rule_set(&format!("rule_sets[{i}]"), rule_set);
        if rule_sets[..i].iter().any(|r| r.id == rule_set.id) {
            c.problem(
                format!("rule_sets[{i}].id"),
                "problem.duplicate_rule_set",
                vec![("id", rule_set.id.clone())],
            );
        }
    }
    match builtin::resolve(plan, &meta.rule_set) {
        None => c.problem(
            "meta.rule_set",
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
            let first_month = YearMonth {
                year: horizon.first_year,
                month: 1,
            };
            if let Some(earliest) = rule_set.periods.iter().map(|p| p.from).min()
                && earliest > first_month
            {
                c.problem(
                    "meta.rule_set",
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
        c.problem("regions", "problem.empty", vec![]);
    }
    if let Some(quota) = province_quota {
        c.whole("province_quota.workers", quota.workers, 0, MAX_COUNT);
        if let QuotaSplit::Explicit(counts) = &quota.split {
            c.per_year_length_of(
                "province_quota.split",
                counts.len(),
                regions.len(),
                "problem.length_regions",
            );
            for (i, count) in counts.iter().enumerate() {
                c.whole(&format!("province_quota.split[{i}]"), *count, 0, MAX_COUNT);
            }
            let sum = counts.iter().fold(0_i64, |a, b| a.saturating_add(*b));
            if sum != quota.workers {
                c.problem(
                    "province_quota.split",
                    "problem.quota_sum",
                    vec![
                        ("sum", count_arg(sum)),
                        ("workers", count_arg(quota.workers)),
                    ],
                );
            }
        }
    }
    for (i, region) in regions.iter().enumerate() {
        c.region(&format!("regions[{i}]"), region, *horizon, *direction);
        if let Mortality::AgeBands(table) = &assumptions.mortality {
            let (min, max) = (region.pool.age_min, region.pool.age_max);
            let covered = table
                .bands
                .iter()
                .any(|b| b.share_pct > 0.0 && b.from <= max && b.to >= min);
            if !covered && min < max {
                c.problem(
                    format!("regions[{i}].pool.age_min"),
                    "problem.no_age_band",
                    vec![("min", min.to_string()), ("max", max.to_string())],
                );
            }
            // The shares describe the members: a band with members must meet their ages.
            for (b, band) in table.bands.iter().enumerate() {
                if covered && band.share_pct > 0.0 && (band.to < min || band.from > max) {
                    c.problem(
                        format!("assumptions.mortality.bands[{b}].share_pct"),
                        "problem.band_outside_ages",
                        vec![
                            ("from", band.from.to_string()),
                            ("to", band.to.to_string()),
                            ("region", format!("regions[{i}]")),
                            ("min", min.to_string()),
                            ("max", max.to_string()),
                        ],
                    );
                }
            }
        }
    }
    c.problems
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn problem(
        &mut self,
        path: impl Into<String>,
        key: &'static str,
        args: Vec<(&'static str, String)>,
    ) {
        self.problems.push(Problem::at_field(path, key, args));
    }

    /// A finite number within [min, max].
    fn number(&mut self, path: &str, value: f64, min: f64, max: f64) {
        if !value.is_finite() {
            self.problem(path, "problem.not_finite", vec![]);
        } else if value < min {
            self.problem(path, "problem.below_min", vec![("min", plain(min))]);
        } else if value > max {
            self.problem(path, "problem.above_max", vec![("max", plain(max))]);
        }
    }

    fn whole(&mut self, path: &str, value: i64, min: i64, max: i64) {
        if value < min {
            self.problem(path, "problem.below_min", vec![("min", min.to_string())]);
        } else if value > max {
            self.problem(path, "problem.above_max", vec![("max", max.to_string())]);
        }
    }

    fn percent(&mut self, path: &str, value: f64) {
        self.number(path, value, 0.0, 100.0);
    }

    fn growth(&mut self, path: &str, value: f64) {
        self.number(path, value, GROWTH_RANGE.0, GROWTH_RANGE.1);
    }

    /// The declared income must be one of the brackets' nominal incomes.
    fn declared_income(&mut self, income: i64, brackets: &IncomeBrackets) {
        if brackets.rows.is_empty() || brackets.is_nominal(income) {
            return;
        }
        let nearest = brackets
            .row_for(income as f64)
            .map_or(income, |row| row.nominal);
        let (lowest, highest) = match (brackets.rows.first(), brackets.rows.last()) {
            (Some(first), Some(last)) => (first.nominal, last.nominal),
            _ => (income, income),
        };
        self.problem(
            "programme.declared_income.value",
            "problem.not_a_bracket",
            vec![
                ("found", count_arg(income)),
                ("bracket", count_arg(nearest)),
                ("lowest", count_arg(lowest)),
                ("highest", count_arg(highest)),
            ],
        );
    }

    fn area_code(&mut self, path: &str, code: &str, level: Level) {
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

    fn apbd(&mut self, path: &str, apbd: &Apbd, first_year: i32) {
        self.whole(&format!("{path}.total"), apbd.total, 0, MAX_RUPIAH);
        self.growth(&format!("{path}.growth_pct"), apbd.growth_pct);
        self.base_year(&format!("{path}.base_year"), apbd.base_year, first_year);
    }

    /// A figure's year must not be after the first projection year, nor more than the
    /// longest horizon before it.
    fn base_year(&mut self, path: &str, year: Option<i32>, first_year: i32) {
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

    fn sum_is_100(&mut self, path: &str, sum: f64) {
        if sum.is_finite() && (sum - 100.0).abs() > SUM_TOLERANCE {
            self.problem(path, "problem.sum_not_100", vec![("sum", plain(sum))]);
        }
    }

    fn assumptions(&mut self, a: &Assumptions) {
        let Assumptions {
            mortality,
            jkk_deaths_per_mille,
            nonfatal_accidents_per_mille,
            accident_care_avg,
            accident_cash_months,
            children_per_member,
            school_mix,
            continuation_smp_pct,
            continuation_sma_pct,
            higher_education_pct,
            jkm_waiting_rule: _,
            income_growth_pct,
            household_poverty_line,
            observed_deaths,
        } = a;
        let p = "assumptions";
        match mortality {
            Mortality::Flat(rate) => {
                self.number(&format!("{p}.mortality.value"), rate.value, 0.0, 1000.0);
            }
            Mortality::AgeBands(table) => {
                let t = format!("{p}.mortality");
                self.number(&format!("{t}.loading"), table.loading, 0.0, 10.0);
                self.percent(&format!("{t}.male_pct"), table.male_pct);
                if table.bands.is_empty() {
                    self.problem(format!("{t}.bands"), "problem.empty", vec![]);
                }
                for (i, band) in table.bands.iter().enumerate() {
                    let b = format!("{t}.bands[{i}]");
                    if band.from > band.to {
                        self.problem(
                            format!("{b}.from"),
                            "problem.above_max",
                            vec![("max", band.to.to_string())],
                        );
                    }
                    self.percent(&format!("{b}.share_pct"), band.share_pct);
                    self.number(
                        &format!("{b}.male_per_mille"),
                        band.male_per_mille,
                        0.0,
                        1000.0,
                    );
                    self.number(
                        &format!("{b}.female_per_mille"),
                        band.female_per_mille,
                        0.0,
                        1000.0,
                    );
                }
                if !table.bands.is_empty() {
                    let sum = table.bands.iter().map(|b| b.share_pct).sum();
                    self.sum_is_100(&format!("{t}.bands"), sum);
                }
                // Bands follow each other without gaps or overlaps, so no age falls between
                // them.
                for (i, pair) in table.bands.windows(2).enumerate() {
                    if pair[1].from != pair[0].to.saturating_add(1) {
                        self.problem(
                            format!("{t}.bands[{}].from", i + 1),
                            "problem.age_band_gap",
                            vec![
                                ("from", pair[1].from.to_string()),
                                ("expected", pair[0].to.saturating_add(1).to_string()),
                            ],
                        );
                    }
                }
            }
        }
        for (name, value) in [
            ("jkk_deaths_per_mille", jkk_deaths_per_mille.value),
            (
                "nonfatal_accidents_per_mille",
                nonfatal_accidents_per_mille.value,
            ),
        ] {
            self.number(&format!("{p}.{name}.value"), value, 0.0, 1000.0);
        }
        self.whole(
            &format!("{p}.accident_care_avg.value"),
            accident_care_avg.value,
            0,
            MAX_INCOME,
        );
        self.number(
            &format!("{p}.accident_cash_months.value"),
            accident_cash_months.value,
            0.0,
            120.0,
        );
        self.number(
            &format!("{p}.children_per_member.value"),
            children_per_member.value,
            0.0,
            20.0,
        );
        let mix = &school_mix.value;
        let m = format!("{p}.school_mix.value");
        for (name, value) in [
            ("tk", mix.tk),
            ("sd", mix.sd),
            ("smp", mix.smp),
            ("sma", mix.sma),
            ("pt", mix.pt),
        ] {
            self.percent(&format!("{m}.{name}"), value);
        }
        let total = mix.total();
        if total.is_finite() && total > 100.0 + SUM_TOLERANCE {
            self.problem(m, "problem.sum_over_100", vec![("sum", plain(total))]);
        }
        self.percent(
            &format!("{p}.continuation_smp_pct.value"),
            continuation_smp_pct.value,
        );
        self.percent(
            &format!("{p}.continuation_sma_pct.value"),
            continuation_sma_pct.value,
        );
        self.percent(
            &format!("{p}.higher_education_pct.value"),
            higher_education_pct.value,
        );
        self.growth(
            &format!("{p}.income_growth_pct.value"),
            income_growth_pct.value,
        );
        self.whole(
            &format!("{p}.household_poverty_line.value"),
            household_poverty_line.value,
            0,
            MAX_INCOME,
        );
        if let Some(observed) = observed_deaths {
            let o = format!("{p}.observed_deaths");
            let most_member_years = (MAX_COUNT as f64) * f64::from(MAX_YEARS);
            self.whole(&format!("{o}.deaths"), observed.deaths, 0, MAX_COUNT);
            self.number(
                &format!("{o}.member_years"),
                observed.member_years,
                0.0,
                most_member_years,
            );
            self.number(
                &format!("{o}.prior_member_years"),
                observed.prior_member_years,
                0.0,
                most_member_years,
            );
            self.whole(
                &format!("{o}.from.month"),
                i64::from(observed.from.month),
                1,
                12,
            );
            self.whole(
                &format!("{o}.to.month"),
                i64::from(observed.to.month),
                1,
                12,
            );
            if observed.to < observed.from {
                self.problem(format!("{o}.to"), "problem.period_reversed", vec![]);
            }
            if observed.member_years + observed.prior_member_years <= 0.0 {
                self.problem(
                    format!("{o}.member_years"),
                    "problem.below_min",
                    vec![("min", "> 0".to_owned())],
                );
            }
        }
    }

    fn rule_set(&mut self, path: &str, rules: &RuleSet) {
        if rules.id.trim().is_empty() {
            self.problem(format!("{path}.id"), "problem.empty", vec![]);
        }
        if let Some(table) = &rules.income_brackets {
            let b = format!("{path}.income_brackets.rows");
            if table.rows.is_empty() {
                self.problem(b.clone(), "problem.empty", vec![]);
            }
            for (i, row) in table.rows.iter().enumerate() {
                self.whole(&format!("{b}[{i}].nominal"), row.nominal, 1, MAX_INCOME);
                self.whole(&format!("{b}[{i}].from"), row.from, 0, MAX_INCOME);
                if i > 0 && row.from <= table.rows[i - 1].from {
                    self.problem(
                        format!("{b}[{i}].from"),
                        "problem.not_ascending",
                        vec![("previous", table.rows[i - 1].from.to_string())],
                    );
                }
            }
        }
        if rules.periods.is_empty() {
            self.problem(format!("{path}.periods"), "problem.empty", vec![]);
        }
        for (i, period) in rules.periods.iter().enumerate() {
            let p = format!("{path}.periods[{i}]");
            self.whole(&format!("{p}.from.month"), period.from.month as i64, 1, 12);
            self.number(&format!("{p}.jkk_pct"), period.jkk_pct, 0.0, 100.0);
            self.number(&format!("{p}.jht_pct"), period.jht_pct, 0.0, 100.0);
            for (name, value) in [
                ("jkm_per_month", period.jkm_per_month),
                ("jkm_death_benefit", period.jkm_death_benefit),
                ("funeral_benefit", period.funeral_benefit),
                ("jkk_death_extra", period.jkk_death_extra),
            ] {
                self.whole(&format!("{p}.{name}"), value, 0, MAX_INCOME);
            }
            self.whole(
                &format!("{p}.jkk_death_income_multiple"),
                period.jkk_death_income_multiple,
                0,
                1000,
            );
            let s = &period.scholarship;
            for (name, stage) in [
                ("tk", s.tk),
                ("sd", s.sd),
                ("smp", s.smp),
                ("sma", s.sma),
                ("pt", s.pt),
            ] {
                let st = format!("{p}.scholarship.{name}");
                self.whole(&format!("{st}.per_year"), stage.per_year, 0, MAX_INCOME);
                self.whole(&format!("{st}.years"), stage.years as i64, 0, 20);
            }
            self.whole(
                &format!("{p}.scholarship.lump_sum"),
                s.lump_sum,
                0,
                MAX_INCOME,
            );
            self.whole(
                &format!("{p}.scholarship.max_children"),
                s.max_children as i64,
                0,
                20,
            );
        }
    }

    fn region(&mut self, path: &str, region: &Region, horizon: Horizon, direction: Direction) {
        let years = horizon.years;
        let Region {
            name,
            level,
            code,
            workforce,
            pool,
            coverage,
            budget,
            funding,
        } = region;
        if name.trim().is_empty() {
            self.problem(format!("{path}.name"), "problem.empty", vec![]);
        }
        self.area_code(&format!("{path}.code"), code, *level);

        let w = format!("{path}.workforce");
        for (name, value) in [
            ("employed", workforce.employed),
            ("covered_pu", workforce.covered_pu),
            ("covered_bpu", workforce.covered_bpu),
            ("covered_jakon", workforce.covered_jakon),
        ] {
            self.whole(&format!("{w}.{name}"), value, 0, MAX_COUNT);
        }
        self.whole(
            &format!("{w}.programme_in_bpu"),
            workforce.programme_in_bpu,
            0,
            workforce.covered_bpu.max(0),
        );
        self.growth(
            &format!("{w}.employed_growth_pct"),
            workforce.employed_growth_pct,
        );
        self.growth(
            &format!("{w}.covered_growth_pct"),
            workforce.covered_growth_pct,
        );
        self.base_year(
            &format!("{w}.base_year"),
            workforce.base_year,
            horizon.first_year,
        );

        let p = format!("{path}.pool");
        self.whole(&format!("{p}.count"), pool.count, 0, MAX_COUNT);
        self.base_year(
            &format!("{p}.base_year"),
            pool.base_year,
            horizon.first_year,
        );
        self.growth(&format!("{p}.growth_pct"), pool.growth_pct);
        self.whole(&format!("{p}.age_max"), pool.age_max as i64, 0, 120);
        if pool.age_min >= pool.age_max {
            self.problem(
                format!("{p}.age_min"),
                "problem.age_band",
                vec![
                    ("min", pool.age_min.to_string()),
                    ("max", pool.age_max.to_string()),
                ],
            );
        }

        let cv = format!("{path}.coverage");
        self.percent(&format!("{cv}.start_pct"), coverage.start_pct);
        self.whole(
            &format!("{cv}.start_tenure_months"),
            coverage.start_tenure_months as i64,
            0,
            MAX_YEARS as i64 * 12 * 3,
        );
        match &coverage.path {
            CoveragePath::Ramp { target_pct } => {
                self.percent(&format!("{cv}.path.target_pct"), *target_pct);
            }
            CoveragePath::SCurve {
                target_pct,
                steepness,
            } => {
                self.percent(&format!("{cv}.path.target_pct"), *target_pct);
                self.number(&format!("{cv}.path.steepness"), *steepness, 0.0, 50.0);
            }
            CoveragePath::PerYear(values) => {
                self.per_year_length(&format!("{cv}.path"), values.len(), years);
                for (i, value) in values.iter().enumerate() {
                    self.percent(&format!("{cv}.path[{i}]"), *value);
                }
            }
        }
        let last_paid = coverage.paid_until_month.unwrap_or(12);
        if let Some(month) = coverage.paid_until_month {
            self.whole(&format!("{cv}.paid_until_month"), i64::from(month), 1, 12);
        }
        for (i, wave) in coverage.waves.iter().enumerate() {
            // A wave must start in a paid month.
            self.whole(
                &format!("{cv}.waves[{i}].month"),
                wave.month as i64,
                1,
                i64::from(last_paid.clamp(1, 12)),
            );
            self.percent(&format!("{cv}.waves[{i}].share_pct"), wave.share_pct);
        }
        if !coverage.waves.is_empty() {
            let sum = coverage.waves.iter().map(|w| w.share_pct).sum();
            self.sum_is_100(&format!("{cv}.waves"), sum);
        }

        let b = format!("{path}.budget");
        match budget {
            Budget::Growing { amount, growth_pct } => {
                self.whole(&format!("{b}.amount"), *amount, 0, MAX_RUPIAH);
                self.growth(&format!("{b}.growth_pct"), *growth_pct);
            }
            Budget::PerYear(values) => {
                if direction == Direction::BudgetCap {
                    self.per_year_length(&b, values.len(), years);
                }
                for (i, value) in values.iter().enumerate() {
                    self.whole(&format!("{b}[{i}]"), *value, 0, MAX_RUPIAH);
                }
            }
        }

        let f = format!("{path}.funding");
        let mut shares = 0.0;
        for (i, payer) in funding.payers.iter().enumerate() {
            let at = format!("{f}.payers[{i}].basis");
            match payer.basis {
                Basis::Share(pct) => {
                    self.percent(&at, pct);
                    shares += pct;
                }
                Basis::Amount(amount) => self.whole(&at, amount, 0, MAX_RUPIAH),
                Basis::Workers(count) => self.whole(&at, count, 0, MAX_COUNT),
            }
        }
        if shares.is_finite() && shares > 100.0 + SUM_TOLERANCE {
            self.problem(
                format!("{f}.payers"),
                "problem.shares_over_100",
                vec![("sum", plain(shares))],
            );
        }
        if let Some(apbd) = &funding.apbd {
            self.apbd(&format!("{f}.apbd"), apbd, horizon.first_year);
        }
    }

    /// A list that needs one value per region (or per year: `key` says which).
    fn per_year_length_of(&mut self, path: &str, found: usize, expected: usize, key: &'static str) {
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

    fn per_year_length(&mut self, path: &str, found: usize, years: u32) {
        if found != years as usize {
            self.problem(
                path,
                "problem.length_mismatch",
                vec![
                    ("expected", years.to_string()),
                    ("found", found.to_string()),
                ],
            );
        }
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
