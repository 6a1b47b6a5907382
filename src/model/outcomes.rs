//! What reaches families: expected deaths, accidents, benefits and their spread.

use crate::model::plan::{Assumptions, Mortality};

/// Expected JKM deaths per member per year (a probability, not per mille): the death rate,
/// calibrated on observed deaths when the plan gives them.
pub fn annual_death_rate(assumptions: &Assumptions) -> f64 {
    calibration(assumptions).map_or_else(
        || uncalibrated_death_rate(&assumptions.mortality),
        |c| c.calibrated,
    )
}

/// The death rate of `mortality` alone, per member-year.
///
/// With an age-band table, each band counts with the share of members the table gives it,
/// as given: the shares describe the members, so they are not adjusted again for the
/// enrolment ages (validation makes sure the bands leave no age out and no band with members
/// lies outside the enrolment ages).
fn uncalibrated_death_rate(mortality: &Mortality) -> f64 {
    match mortality {
        Mortality::Flat(per_mille) => per_mille.value / 1000.0,
        Mortality::AgeBands(table) => {
            let male = table.male_pct / 100.0;
            let total: f64 = table.bands.iter().map(|b| b.share_pct.max(0.0)).sum();
            if total <= 0.0 {
                return 0.0;
            }
            let weighted: f64 = table
                .bands
                .iter()
                .map(|b| {
                    b.share_pct.max(0.0)
                        * (male * b.male_per_mille + (1.0 - male) * b.female_per_mille)
                })
                .sum();
            table.loading * weighted / total / 1000.0
        }
    }
}

/// The JKM death rate calibrated on a Pemda's own experience, by Gamma–Poisson (Bühlmann)
/// credibility: with the default rate m worth E0 member-years and D deaths observed over E
/// member-years, the calibrated rate is (m·E0 + D) / (E0 + E) = Z·D/E + (1 − Z)·m with
/// Z = E / (E + E0) (Klugman, Panjer & Willmot, *Loss Models*, Gamma–Poisson credibility;
/// Bühlmann & Straub 1970).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    /// The default rate, per member-year.
    pub prior: f64,
    /// D / E, per member-year.
    pub observed: f64,
    /// The rate used, per member-year.
    pub calibrated: f64,
    /// Credibility of the observed experience, 0–1.
    pub weight: f64,
    pub observed_deaths: i64,
    /// Deaths the default rate expects over the observed member-years, with their 90% range.
    pub expected_deaths: f64,
    pub expected_p05: f64,
    pub expected_p95: f64,
}

/// The calibration of `assumptions`' JKM rate, when observed deaths are given.
pub fn calibration(assumptions: &Assumptions) -> Option<Calibration> {
    let observed = assumptions.observed_deaths.as_ref()?;
    let prior = uncalibrated_death_rate(&assumptions.mortality);
    let (e0, e) = (
        observed.prior_member_years.max(0.0),
        observed.member_years.max(0.0),
    );
    if e0 + e <= 0.0 {
        return None;
    }
    let deaths = observed.deaths.max(0) as f64;
    let expected = prior * e;
    let (expected_p05, expected_p95) = poisson_range(expected);
    Some(Calibration {
        prior,
        observed: if e > 0.0 { deaths / e } else { 0.0 },
        calibrated: (prior * e0 + deaths) / (e0 + e),
        weight: e / (e + e0),
        observed_deaths: observed.deaths,
        expected_deaths: expected,
        expected_p05,
        expected_p95,
    })
}

/// The members' ages, band by band, as the projection ages them year by year: everyone is a
/// year older each January, and those who pass the pool's upper age leave. Within a band,
/// ages are spread evenly (a band of 10 ages passes a tenth of its members to the next band
/// each year). The bands are those of the age-band table, cut to the pool's ages; with one
/// flat rate, the members' ages are spread evenly over the pool's ages. New members join with
/// the same age profile as the table gives (or evenly spread).
#[derive(Clone, Debug)]
pub struct AgeProfile {
    /// One over the number of ages in each band (the share of a band that moves up a band
    /// each year), youngest band first.
    moving_up: Vec<f64>,
    /// Share of new (and starting) members in each band; adds up to 1.
    joining: Vec<f64>,
    /// Yearly death rate in each band.
    rates: Vec<f64>,
    /// The death rate of the joining profile.
    joining_rate: f64,
    /// Whether every band has the same death rate (one flat rate): ages then change nothing.
    one_rate: bool,
}

impl AgeProfile {
    /// The profile of a pool of ages `age_min`–`age_max` (inclusive).
    pub fn new(mortality: &Mortality, age_min: u32, age_max: u32) -> Self {
        let clipped = |from: u32, to: u32| {
            let (from, to) = (from.max(age_min), to.min(age_max));
            (to >= from).then(|| f64::from(to - from + 1))
        };
        let mut bands: Vec<(u32, f64, f64, f64)> = match mortality {
            Mortality::Flat(per_mille) => clipped(age_min, age_max)
                .map(|width| (age_min, width, 1.0, per_mille.value / 1000.0))
                .into_iter()
                .collect(),
            Mortality::AgeBands(table) => {
                let male = table.male_pct / 100.0;
                table
                    .bands
                    .iter()
                    .filter_map(|b| {
                        let rate = table.loading
                            * (male * b.male_per_mille + (1.0 - male) * b.female_per_mille)
                            / 1000.0;
                        clipped(b.from, b.to)
                            .map(|width| (b.from, width, b.share_pct.max(0.0), rate))
                    })
                    .collect()
            }
        };
        bands.sort_by_key(|b| b.0);
        let total: f64 = bands.iter().map(|b| b.2).sum();
        let joining: Vec<f64> = bands
            .iter()
            .map(|b| if total > 0.0 { b.2 / total } else { 0.0 })
            .collect();
        let rates: Vec<f64> = bands.iter().map(|b| b.3).collect();
        let joining_rate = joining.iter().zip(&rates).map(|(s, r)| s * r).sum();
        let one_rate = rates.windows(2).all(|pair| pair[0] == pair[1]);
        Self {
            moving_up: bands.iter().map(|b| 1.0 / b.1).collect(),
            joining,
            rates,
            joining_rate,
            one_rate,
        }
    }

    /// The age profile of the starting members (and of everyone who joins).
    pub fn joining(&self) -> &[f64] {
        &self.joining
    }

    /// A year passes: `shares` (of members, by band) move up by a year of age, and the share
    /// who pass the upper age leave; returns that share (0–1) of the members. `shares` then
    /// describe the members who stay (no longer adding up to 1: [`Self::mix`] scales them).
    pub fn age(&self, shares: &mut [f64]) -> f64 {
        let (mut moving_in, mut total) = (0.0, 0.0);
        for (share, moving_up) in shares.iter_mut().zip(&self.moving_up) {
            total += *share;
            let moving_out = *share * moving_up;
            *share += moving_in - moving_out;
            moving_in = moving_out;
        }
        if total > 0.0 { moving_in / total } else { 0.0 }
    }

    /// The profile of `kept` members with `shares` (in any scale) and `new` members joining,
    /// as shares adding up to 1.
    pub fn mix(&self, shares: &mut [f64], kept: i64, new: i64) {
        let all = (kept + new) as f64;
        let current: f64 = shares.iter().sum();
        if all > 0.0 {
            let from_kept = if current > 0.0 {
                kept as f64 / current / all
            } else {
                0.0
            };
            let from_new = new as f64 / all;
            for (share, joining) in shares.iter_mut().zip(&self.joining) {
                *share = *share * from_kept + joining * from_new;
            }
        }
    }

    /// How much higher (or lower) the death rate of members with `shares` is than that of
    /// the joining profile, the profile the plan's rate (and its calibration) describes.
    pub fn death_factor(&self, shares: &[f64]) -> f64 {
        if self.one_rate {
            return 1.0;
        }
        let (weighted, total) = shares
            .iter()
            .zip(&self.rates)
            .fold((0.0, 0.0), |(w, t), (s, r)| (w + s * r, t + s));
        if self.joining_rate > 0.0 && total > 0.0 {
            weighted / total / self.joining_rate
        } else {
            1.0
        }
    }
}

/// The per-member-month rates the projection needs, from the scenario's assumptions.
#[derive(Clone, Debug)]
pub struct MonthlyRates {
    /// Deaths that are not work accidents (paid by JKM), per member-month.
    pub jkm_death: f64,
    /// Deaths from work accidents (paid by JKK), per member-month, on top of `jkm_death`.
    pub jkk_death: f64,
    /// Non-fatal work-accident claims per member-month.
    pub accident_claim: f64,
    /// Medical care per claim, Rp.
    pub accident_care: f64,
    /// Cash benefits per claim, months of declared income.
    pub accident_cash_months: f64,
    pub waiting_rule: bool,
    /// The death rates by age, for ageing the members.
    pub mortality: Mortality,
}

impl MonthlyRates {
    /// Rates for the plan's members.
    pub fn new(assumptions: &Assumptions) -> Self {
        Self {
            jkm_death: annual_death_rate(assumptions) / 12.0,
            jkk_death: assumptions.jkk_deaths_per_mille.value / 1000.0 / 12.0,
            accident_claim: assumptions.nonfatal_accidents_per_mille.value / 1000.0 / 12.0,
            accident_care: assumptions.accident_care_avg.value as f64,
            accident_cash_months: assumptions.accident_cash_months.value,
            waiting_rule: assumptions.jkm_waiting_rule.value,
            mortality: assumptions.mortality.clone(),
        }
    }
}

/// The 90% range of a yearly death count: the counts `k` with P(X ≤ k) ≥ 5% and ≥ 95% for
/// X ~ Poisson(`mean`) — wide for small member numbers.
pub fn poisson_range(mean: f64) -> (f64, f64) {
    if mean.is_nan() || mean <= 0.0 || mean.is_infinite() {
        return (0.0, 0.0);
    }
    if mean > 400.0 {
        // Normal approximation with continuity correction; exact summation underflows.
        let at = |p: f64| {
            (mean + normal_quantile(p) * mean.sqrt() - 0.5)
                .ceil()
                .max(0.0)
        };
        return (at(0.05), at(0.95));
    }
    // Sum the probabilities from where the mass below is negligible (under 1e-13: more than
    // 8 standard deviations below the mean), one pass for both ends of the range.
    let mut k = (mean - 8.0 * mean.sqrt()).floor().max(0.0);
    let mut term = (k * mean.ln() - mean - ln_factorial(k)).exp();
    let mut cumulative = term;
    let mut low = None;
    let limit = 10.0 * mean + 100.0;
    loop {
        if low.is_none() && cumulative >= 0.05 {
            low = Some(k);
        }
        if cumulative >= 0.95 || k >= limit {
            return (low.unwrap_or(k), k);
        }
        k += 1.0;
        term *= mean / k;
        cumulative += term;
    }
}

/// ln(k!) for a whole number `k` ≥ 0: exact below 20, Stirling's series above (error under
/// 1e-13).
fn ln_factorial(k: f64) -> f64 {
    if k < 20.0 {
        return (2..=k as u32).map(|i| f64::from(i).ln()).sum();
    }
    k * k.ln() - k + 0.5 * (2.0 * std::f64::consts::PI * k).ln() + 1.0 / (12.0 * k)
        - 1.0 / (360.0 * k.powi(3))
        + 1.0 / (1260.0 * k.powi(5))
}

/// Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9).
fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let p = p.clamp(1e-12, 1.0 - 1e-12);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.02425 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.02425 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;
    use crate::model::plan::{AgeBand, AgeBandMortality};

    #[test]
    fn age_band_shares_are_taken_as_given() {
        let band = AgeBand::new;
        let table = Mortality::AgeBands(AgeBandMortality {
            loading: 1.2,
            male_pct: 50.0,
            bands: vec![band(18, 40, 60.0, 1.0, 0.5), band(41, 65, 40.0, 5.0, 3.0)],
            source: String::new(),
        });
        // Men and women half each: 18–40 (1,0 + 0,5)/2 = 0,75 ‰, 41–65 (5,0 + 3,0)/2 = 4,0 ‰.
        // Weighted by the shares as given: 0,6 × 0,75 + 0,4 × 4,0 = 2,05 ‰, × loading 1,2
        // = 2,46 ‰.
        let rate = uncalibrated_death_rate(&table);
        assert!((rate * 1000.0 - 2.46).abs() < 1e-12, "{rate}");
    }

    #[test]
    fn credibility_weighs_observed_deaths_against_the_default() {
        use crate::model::plan::{ObservedDeaths, Sourced, YearMonth};
        let mut a = crate::model::defaults::assumptions();
        a.mortality = Mortality::Flat(Sourced::new(2.41, "test"));
        // 30 deaths over 20.000 member-years (1,5 per 1.000), the default 2,41 per 1.000
        // worth 50.000 member-years: (2,41 × 50 + 30) / (50.000 + 20.000) × 1.000
        // = (120,5 + 30) / 70 = 2,15 per 1.000; Z = 20 / 70 = 0,2857.
        // Expected by the default: 2,41 × 20 = 48,2 deaths.
        a.observed_deaths = Some(ObservedDeaths {
            deaths: 30,
            member_years: 20_000.0,
            from: YearMonth {
                year: 2023,
                month: 1,
            },
            to: YearMonth {
                year: 2024,
                month: 12,
            },
            prior_member_years: 50_000.0,
            source: String::new(),
        });
        let c = calibration(&a).expect("calibrated");
        assert!(
            (c.calibrated * 1000.0 - 2.15).abs() < 1e-12,
            "{}",
            c.calibrated
        );
        assert!((c.weight - 2.0 / 7.0).abs() < 1e-12);
        assert!((c.expected_deaths - 48.2).abs() < 1e-9);
        assert!((c.observed * 1000.0 - 1.5).abs() < 1e-12);
        assert!((annual_death_rate(&a) - c.calibrated).abs() < 1e-15);
        // Poisson(48,2): 30 deaths lie below the 5% point, so the observed is unusually low.
        assert!(c.expected_p05 > 30.0);
    }

    #[test]
    fn poisson_quantiles_match_tables() {
        // Poisson(25), CDF summed by hand from e^-25 · 25^k / k!:
        // P(X ≤ 16) = 0.0377, P(X ≤ 17) = 0.0605 → 5% quantile 17;
        // P(X ≤ 32) = 0.9285, P(X ≤ 33) = 0.9502 → 95% quantile 33.
        assert_eq!(poisson_range(25.0), (17.0, 33.0));
        assert_eq!(poisson_range(0.0), (0.0, 0.0));
        // Poisson(100), summed in full from k = 0 outside this program (log-gamma terms):
        // P(X ≤ 83) = 0.0463, P(X ≤ 84) = 0.0575 → 84; P(X ≤ 116) = 0.9478,
        // P(X ≤ 117) = 0.9572 → 117. (This function starts at k = 20.)
        assert_eq!(poisson_range(100.0), (84.0, 117.0));
        // Large mean: 1000 ± 1.645 × √1000 = 1000 ± 52.0.
        let (low, high) = poisson_range(1000.0);
        assert!((947.0..=949.0).contains(&low), "{low}");
        assert!((1051.0..=1053.0).contains(&high), "{high}");
    }

    #[test]
    fn ln_factorial_is_exact_enough() {
        // 20! = 2.432.902.008.176.640.000; 100! via the sum of logarithms.
        assert!((ln_factorial(20.0) - 2_432_902_008_176_640_000_f64.ln()).abs() < 1e-12);
        let exact: f64 = (2..=100).map(|i| f64::from(i).ln()).sum();
        assert!((ln_factorial(100.0) - exact).abs() < 1e-10);
    }

    #[test]
    fn normal_quantile_known_points() {
        assert!((normal_quantile(0.975) - 1.959_964).abs() < 1e-5);
        assert!((normal_quantile(0.05) + 1.644_854).abs() < 1e-5);
    }
}
