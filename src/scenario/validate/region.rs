//! Checks of one region: workforce, pool, coverage path, budget and funding.

use super::{Checker, SUM_TOLERANCE, plain};
use crate::model::limits::{MAX_COUNT, MAX_RUPIAH, MAX_WAVES, MAX_YEARS};
use crate::model::plan::{Basis, Budget, CoveragePath, Direction, Horizon, Region};

impl Checker {
    pub(super) fn region(
        &mut self,
        path: &str,
        region: &Region,
        horizon: Horizon,
        direction: Direction,
    ) {
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
            // A wave that ends does so in a paid month, not before it starts.
            if let Some(until) = wave.until_month {
                self.whole(
                    &format!("{cv}.waves[{i}].until_month"),
                    i64::from(until),
                    i64::from(wave.month.clamp(1, 12)),
                    i64::from(last_paid.clamp(1, 12)),
                );
            }
        }
        if coverage.waves.len() > MAX_WAVES {
            self.problem(
                format!("{cv}.waves"),
                "problem.too_many_waves",
                vec![
                    ("max", MAX_WAVES.to_string()),
                    ("found", coverage.waves.len().to_string()),
                ],
            );
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
}
