//! Checks of one region: workforce, pool, coverage path, budget and funding.

use super::{Checker, SUM_TOLERANCE, plain};
use crate::model::limits::{MAX_AGE, MAX_COUNT, MAX_LIST, MAX_RUPIAH, MAX_WAVES, MAX_YEARS};
use crate::model::plan::field::RegionPath;
use crate::model::plan::{Basis, Budget, CoveragePath, Direction, Horizon, Region, years_since};

impl Checker {
    pub(super) fn region(
        &mut self,
        path: RegionPath,
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
            self.problem(path.name(), "problem.empty", vec![]);
        }
        self.area_code(path.code(), code, *level);

        let w = path.workforce();
        for (at, value) in [
            (w.employed(), workforce.employed),
            (w.covered_pu(), workforce.covered_pu),
            (w.covered_bpu(), workforce.covered_bpu),
            (w.covered_jakon(), workforce.covered_jakon),
        ] {
            self.whole(at, value, 0, MAX_COUNT);
        }
        self.whole(
            w.programme_in_bpu(),
            workforce.programme_in_bpu,
            0,
            workforce.covered_bpu.max(0),
        );
        self.growth(w.employed_growth_pct(), workforce.employed_growth_pct);
        self.growth(w.covered_growth_pct(), workforce.covered_growth_pct);
        self.base_year(w.base_year(), workforce.base_year, horizon.first_year);

        let p = path.pool();
        self.whole(p.count(), pool.count, 0, MAX_COUNT);
        self.grows_within(
            p.count(),
            pool.count,
            pool.growth_pct,
            years_since(pool.base_year, horizon.first_year),
            horizon,
            MAX_COUNT,
        );
        self.base_year(p.base_year(), pool.base_year, horizon.first_year);
        self.growth(p.growth_pct(), pool.growth_pct);
        self.whole(p.age_max(), pool.age_max as i64, 0, i64::from(MAX_AGE));
        if pool.age_min >= pool.age_max {
            self.problem(
                p.age_min(),
                "problem.age_band",
                vec![
                    ("min", pool.age_min.to_string()),
                    ("max", pool.age_max.to_string()),
                ],
            );
        }

        let cv = path.coverage();
        self.percent(cv.start_pct(), coverage.start_pct);
        self.whole(
            cv.start_tenure_months(),
            coverage.start_tenure_months as i64,
            0,
            MAX_YEARS as i64 * 12 * 3,
        );
        match &coverage.path {
            CoveragePath::Ramp { target_pct } => {
                self.percent(cv.path().target_pct(), *target_pct);
            }
            CoveragePath::SCurve {
                target_pct,
                steepness,
            } => {
                self.percent(cv.path().target_pct(), *target_pct);
                self.number(cv.path().steepness(), *steepness, 0.0, 50.0);
            }
            CoveragePath::PerYear(values) => {
                self.at_most(cv.path().whole(), values.len(), MAX_YEARS as usize);
                self.per_year_length(cv.path().whole(), values.len(), years);
                for (i, value) in values.iter().enumerate() {
                    self.percent(cv.path().year(i), *value);
                }
            }
        }
        let last_paid = coverage.paid_until_month.unwrap_or(12);
        if let Some(month) = coverage.paid_until_month {
            self.whole(cv.paid_until_month(), i64::from(month), 1, 12);
        }
        for (i, wave) in coverage.waves.iter().enumerate() {
            // A wave must start in a paid month.
            self.whole(
                cv.wave(i).month(),
                wave.month as i64,
                1,
                i64::from(last_paid.clamp(1, 12)),
            );
            self.percent(cv.wave(i).share_pct(), wave.share_pct);
            // A wave that ends does so in a paid month, not before it starts.
            if let Some(until) = wave.until_month {
                self.whole(
                    cv.wave(i).until_month(),
                    i64::from(until),
                    i64::from(wave.month.clamp(1, 12)),
                    i64::from(last_paid.clamp(1, 12)),
                );
            }
        }
        if coverage.waves.len() > MAX_WAVES {
            self.problem(
                cv.waves(),
                "problem.too_many_waves",
                vec![
                    ("max", MAX_WAVES.to_string()),
                    ("found", coverage.waves.len().to_string()),
                ],
            );
        }
        if !coverage.waves.is_empty() {
            let sum = coverage.waves.iter().map(|w| w.share_pct).sum();
            self.sum_is_100(cv.waves(), sum);
        }

        let b = path.budget();
        match budget {
            Budget::Growing { amount, growth_pct } => {
                self.whole(b.amount(), *amount, 0, MAX_RUPIAH);
                self.growth(b.growth_pct(), *growth_pct);
                self.grows_within(b.amount(), *amount, *growth_pct, 0, horizon, MAX_RUPIAH);
            }
            Budget::PerYear(values) => {
                self.at_most(b.whole(), values.len(), MAX_YEARS as usize);
                if direction == Direction::BudgetCap {
                    self.per_year_length(b.whole(), values.len(), years);
                }
                for (i, value) in values.iter().enumerate() {
                    self.whole(b.year(i), *value, 0, MAX_RUPIAH);
                }
            }
        }

        let f = path.funding();
        let mut shares = 0.0;
        self.at_most(f.payers(), funding.payers.len(), MAX_LIST);
        for (i, payer) in funding.payers.iter().enumerate() {
            let at = f.payer(i).basis();
            match payer.basis {
                Basis::Share(pct) => {
                    self.percent(at, pct);
                    shares += pct;
                }
                Basis::Amount(amount) => self.whole(at, amount, 0, MAX_RUPIAH),
                Basis::Workers(count) => self.whole(at, count, 0, MAX_COUNT),
            }
        }
        if shares.is_finite() && shares > 100.0 + SUM_TOLERANCE {
            self.problem(
                f.payers(),
                "problem.shares_over_100",
                vec![("sum", plain(shares))],
            );
        }
        if let Some(apbd) = &funding.apbd {
            self.apbd(f.apbd(), apbd, horizon.first_year);
        }
    }
}
