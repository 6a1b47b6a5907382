//! How coverage grows: the path of the enrolled share, when new members join, and who is cut.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// Share of the pool already enrolled before the first year (paid from January), %.
    pub start_pct: f64,
    /// Months the starting members have been members at the start of the first year (the
    /// 3-month and 36-month rules depend on it).
    pub start_tenure_months: u32,
    pub path: CoveragePath,
    /// When in the year new members join: each wave has a start month and a share of the
    /// year's new enrolments. Shares sum to 100.
    pub waves: Vec<Wave>,
    /// How a budget cap enrols new members (budget-cap direction).
    pub enrolment: Enrolment,
    /// Who stops being paid for when the budget or the target falls.
    pub cut: CutRule,
    /// The last month of each year that is paid for (a budget that runs out in March pays
    /// January–March); members are not covered in the months after it and resume in January.
    /// Absent: all year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_until_month: Option<u32>,
}

impl Coverage {
    /// The last month paid each year, 1–12.
    pub fn last_paid_month(&self) -> usize {
        self.paid_until_month
            .map_or(12, |m| m.clamp(1, 12) as usize)
    }
}

/// How a budget cap enrols new members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Enrolment {
    /// Only as many new members as the following years' budgets can keep, so nobody enrolled
    /// has to be dropped later because of the budget.
    Sustainable,
    /// As many as this year's budget pays for; members the next year's budget cannot keep
    /// stop in January (version 1's behaviour).
    FillEachYear,
}

/// Who stops being paid for when members must be cut.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CutRule {
    /// The members who joined last go first (their membership is the shortest).
    NewestFirst,
    /// The same share of every enrolment group (version 1's behaviour).
    ShareOfAll,
}

/// Share of the pool enrolled at the end of each year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CoveragePath {
    /// Straight line from the start share to the target share in the last year.
    Ramp { target_pct: f64 },
    /// Slow start, fast middle, slow end (logistic), reaching the target in the last year;
    /// `steepness` is the logistic slope over the horizon (8: about a third of the growth in
    /// the middle fifth; near 0: almost a straight line).
    SCurve { target_pct: f64, steepness: f64 },
    /// One year-end share per year of the horizon.
    PerYear(Vec<f64>),
}

impl CoveragePath {
    /// Share of the pool enrolled at the end of year `y` (0-based) of `years`, starting from
    /// `start` %, in %.
    pub fn share(&self, start: f64, years: u32, y: usize) -> f64 {
        let progress = (y + 1) as f64 / years.max(1) as f64;
        match self {
            CoveragePath::Ramp { target_pct } => start + (target_pct - start) * progress,
            CoveragePath::SCurve {
                target_pct,
                steepness,
            } => start + (target_pct - start) * s_curve(progress, *steepness),
            CoveragePath::PerYear(values) => {
                values.get(y).or(values.last()).copied().unwrap_or(start)
            }
        }
    }
}

/// Logistic curve through (0, 0) and (1, 1), steepest in the middle of the horizon; a
/// steepness near 0 is the straight line.
pub(crate) fn s_curve(x: f64, steepness: f64) -> f64 {
    if steepness.abs() < 1e-6 {
        return x;
    }
    let f = |x: f64| 1.0 / (1.0 + (-steepness * (x - 0.5)).exp());
    (f(x) - f(0.0)) / (f(1.0) - f(0.0))
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wave {
    /// Month the wave's members start to be paid for, 1 = January.
    pub month: u32,
    /// Share of the year's new enrolments in this wave, %.
    pub share_pct: f64,
    /// The last month the wave's members are paid for in the year they join (money set
    /// aside for a few months only); they are paid again from January. Absent: to the
    /// region's last paid month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until_month: Option<u32>,
}

impl Wave {
    /// The last month (1–12) the wave's members are paid for in the year they join: the
    /// wave's own end, or the region's last paid month when that is earlier; never before
    /// the wave's month.
    pub fn last_month(&self, last_paid: usize) -> u32 {
        let month = self.month.min(12);
        self.until_month
            .unwrap_or(12)
            .min(last_paid.min(12) as u32)
            .max(month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s_curve_ends_where_it_should() {
        for steepness in [8.0, 3.0, 20.0] {
            assert!(s_curve(0.0, steepness).abs() < 1e-12);
            assert!((s_curve(1.0, steepness) - 1.0).abs() < 1e-12);
            assert!((s_curve(0.5, steepness) - 0.5).abs() < 1e-12);
        }
        // Steepness 0 is the ramp; steeper curves start slower.
        assert_eq!(s_curve(0.2, 0.0), 0.2);
        assert!(s_curve(0.2, 20.0) < s_curve(0.2, 8.0));
    }
}
