//! The ranges every input is checked against before the model runs (`scenario::validate`
//! reports a value outside them with its field path).

/// Largest head count accepted (more than Indonesia's population).
pub const MAX_COUNT: i64 = 1_000_000_000;
/// Largest Rupiah amount accepted (Rp10.000 triliun).
pub const MAX_RUPIAH: i64 = 10_000_000_000_000_000;
/// Largest declared monthly income accepted (Rp1 miliar).
pub const MAX_INCOME: i64 = 1_000_000_000;
pub const MAX_YEARS: u32 = 30;
/// Yearly growth rates are limited to this range, %.
pub const GROWTH_RANGE: (f64, f64) = (-50.0, 100.0);
/// Most enrolment waves a region may have in a year (one a month).
pub const MAX_WAVES: usize = 12;
