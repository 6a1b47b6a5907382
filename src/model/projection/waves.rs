//! When in the year new members join and stop: enrolment waves and the members paid for in
//! each month.

use crate::model::limits::MAX_WAVES;
use crate::model::plan::Wave;
use crate::model::whole::nearest;

/// Waves in month order, at most [`MAX_WAVES`] of them (validation refuses more); with no
/// usable wave everyone joins in January. A wave starting after the last paid month is
/// refused by validation; here it would join nobody.
pub(super) fn sorted_waves(waves: &[Wave], last_paid: usize) -> Vec<Wave> {
    let mut sorted: Vec<Wave> = waves
        .iter()
        .filter(|w| (1..=last_paid as u32).contains(&w.month) && w.share_pct > 0.0)
        .take(MAX_WAVES)
        .copied()
        .collect();
    sorted.sort_by_key(|w| w.month);
    if sorted.is_empty() {
        sorted.push(Wave {
            month: 1,
            share_pct: 100.0,
            until_month: None,
        });
    }
    sorted
}

/// Splits `new` workers over the waves by rounding the running total, so each wave's count is
/// whole, the counts add up to `new`, and more workers never cost less.
pub(super) fn split_into_waves(new: i64, waves: &[Wave]) -> [i64; MAX_WAVES] {
    let total: f64 = waves.iter().map(|w| w.share_pct).sum();
    let mut running = 0.0;
    let mut assigned = 0;
    let mut counts = [0; MAX_WAVES];
    for (i, (w, count)) in waves.iter().zip(&mut counts).enumerate() {
        running += w.share_pct;
        let upto = if i + 1 == waves.len() {
            new
        } else {
            nearest(new as f64 * running / total)
        };
        *count = upto - assigned;
        assigned = upto;
    }
    counts
}

/// Members paid for in each month of a year: `kept` from January to the last paid month, and
/// `new` joining in the waves, each paid from its month to its last month.
pub(super) fn members_by_month(kept: i64, new: i64, waves: &[Wave], last_paid: usize) -> [i64; 12] {
    members_of_waves(kept, &split_into_waves(new, waves), waves, last_paid)
}

/// [`members_by_month`] with the new members already split over the waves (`counts`).
pub(super) fn members_of_waves(
    kept: i64,
    counts: &[i64; MAX_WAVES],
    waves: &[Wave],
    last_paid: usize,
) -> [i64; 12] {
    // Changes from one month to the next, then their running sum.
    let mut change = [0_i64; 13];
    change[0] = kept;
    change[last_paid] -= kept;
    for (wave, &count) in waves.iter().zip(counts) {
        change[wave.month as usize - 1] += count;
        change[wave.last_month(last_paid) as usize] -= count;
    }
    let mut members = 0_i64;
    std::array::from_fn(|m| {
        members = members.saturating_add(change[m]);
        members
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waves_split_whole_workers_and_add_up() {
        let waves = [
            Wave {
                month: 1,
                share_pct: 60.0,
                until_month: None,
            },
            Wave {
                month: 9,
                share_pct: 40.0,
                until_month: None,
            },
        ];
        // 60% of 1001 = 600.6 → 601 in January, the remaining 400 in September.
        assert_eq!(split_into_waves(1001, &waves)[..2], [601, 400]);
        assert_eq!(split_into_waves(0, &waves)[..2], [0, 0]);
    }
}
