//! The ranges every input is checked against before the model runs (`scenario::validate`
//! reports a value outside them with its field path), chosen so that no sum or product of the
//! projection can overflow its 64-bit whole numbers (largest 9,2 × 10^18):
//!
//! - a year's cost is at most every member (all regions together at most [`MAX_COUNT`], in
//!   every year of the horizon) × 12 months × [`MAX_CONTRIBUTION`] = 10^9 × 12 × 10^7
//!   = 1,2 × 10^17, and the horizon's sum at most 30 times that, 3,6 × 10^18;
//! - a budget, APBD or fixed payment is at most [`MAX_RUPIAH`] in every year (growth included),
//!   so the sum of 1.000 regions over 30 years stays under 3 × 10^18;
//! - benefits, deaths and shares are decimals (f64), finite because every factor is bounded;
//! - ages stop at [`MAX_AGE`], so age tables are small.

/// Largest head count accepted (more than Indonesia's population): a region's pool in any year
/// of the horizon, and the pools of all regions together.
pub const MAX_COUNT: i64 = 1_000_000_000;
/// Largest Rupiah amount accepted in any year (Rp100 triliun, more than any APBD: DKI Jakarta's
/// is about Rp90 triliun).
pub const MAX_RUPIAH: i64 = 100_000_000_000_000;
/// Largest declared monthly income accepted (Rp1 miliar).
pub const MAX_INCOME: i64 = 1_000_000_000;
/// Largest contribution of one member in one month (Rp10 juta; the BPU contributions are
/// Rp16.800 to about Rp400.000).
pub const MAX_CONTRIBUTION: i64 = 10_000_000;
pub const MAX_YEARS: u32 = 30;
/// Oldest age in an age table or a pool.
pub const MAX_AGE: u32 = 120;
/// Yearly growth rates are limited to this range, %.
pub const GROWTH_RANGE: (f64, f64) = (-50.0, 100.0);
/// Most enrolment waves a region may have in a year (one a month).
pub const MAX_WAVES: usize = 12;
/// Longest notes of a scenario, in characters (about ten printed pages).
pub const MAX_NOTE_CHARS: usize = 20_000;
/// Longest other text (a title, a name, a source), in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// Most regions in a scenario (Indonesia has 38 provinces and 514 kabupaten/kota).
pub const MAX_REGIONS: usize = 1_000;
/// Most entries of any other list in a scenario (rule sets, periods, income brackets, age
/// bands, payers of a region).
pub const MAX_LIST: usize = 200;
