//! When in the year new members join and stop: enrolment waves and the members paid for in
//! each month.

use crate::model::limits::MAX_WAVES;
use crate::model::plan::Wave;
use crate::model::whole::nearest;

/// Waves in month order, at most [`MAX_WAVES`] of them (validation refuses more), in the
/// first `count` places of the array returned with `count`; with no usable wave everyone
/// joins in January. A wave starting after the last paid month is refused by validation; here
/// it would join nobody.
pub(super) fn sorted_waves(waves: &[Wave], last_paid: usize) -> ([Wave; MAX_WAVES], usize) {
    let mut sorted = [Wave {
        month: 1,
        share_pct: 100.0,
        until_month: None,
    }; MAX_WAVES];
    let usable = waves
        .iter()
        .filter(|w| (1..=last_paid as u32).contains(&w.month) && w.share_pct > 0.0);
    let mut count = 0;
    for (place, wave) in sorted.iter_mut().zip(usable) {
        *place = *wave;
        count += 1;
    }
    sorted[..count].sort_by_key(|w| w.month);
    // None usable: the first place holds the January wave.
    (sorted, count.max(1))
}

/// Splits `new` workers over the waves by rounding the running total, so each wave's count is
/// whole, the counts add up to `new`, and more workers never cost less.
pub(super) fn split_into_waves(new: i64, waves: &[Wave]) -> [i64; MAX_WAVES] {
    let mut counts = [0; MAX_WAVES];
    let Some((_, before_last)) = waves.split_last() else {
        return counts;
    };
    let total: f64 = waves.iter().map(|w| w.share_pct).sum();
    let (mut running, mut assigned) = (0.0, 0);
    for (w, count) in before_last.iter().zip(&mut counts) {
        running += w.share_pct;
        let upto = nearest(new as f64 * running / total);
        *count = upto - assigned;
        assigned = upto;
    }
    // The last wave takes the rest: the counts add up to `new` exactly.
    counts[before_last.len()] = new - assigned;
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

/// The sum of [`members_of_waves`] over the year (member-months), worked out from the waves
/// directly rather than from the months.
pub(super) fn member_months_of_waves(
    kept: i64,
    counts: &[i64; MAX_WAVES],
    waves: &[Wave],
    last_paid: usize,
) -> i64 {
    waves.iter().zip(counts).fold(
        kept.saturating_mul(last_paid as i64),
        |sum, (wave, &count)| {
            let months = i64::from(wave.last_month(last_paid)) - i64::from(wave.month) + 1;
            sum.saturating_add(count.saturating_mul(months))
        },
    )
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
        // One wave takes everyone; three waves of a third each: 1/3 of 1000 = 333.3 → 333,
        // 2/3 = 666.7 → 667 (334 more), and the last the remaining 333.
        assert_eq!(split_into_waves(1000, &waves[..1])[..2], [1000, 0]);
        let thirds = [1, 5, 9].map(|month| Wave {
            month,
            share_pct: 1.0,
            until_month: None,
        });
        assert_eq!(split_into_waves(1000, &thirds)[..4], [333, 334, 333, 0]);
    }

    #[test]
    fn member_months_count_each_wave_from_its_month() {
        // 100 kept members paid January–October (10 months) = 1.000; a wave of 30 from
        // March (3–10: 8 months) = 240; a wave of 20 from September to its own end in November,
        // cut at October (9–10: 2 months) = 40. In all 1.280, as the months add up.
        let waves = [
            Wave {
                month: 3,
                share_pct: 60.0,
                until_month: None,
            },
            Wave {
                month: 9,
                share_pct: 40.0,
                until_month: Some(11),
            },
        ];
        let mut counts = [0; MAX_WAVES];
        counts[..2].copy_from_slice(&[30, 20]);
        assert_eq!(member_months_of_waves(100, &counts, &waves, 10), 1_280);
        let by_month: i64 = members_of_waves(100, &counts, &waves, 10).iter().sum();
        assert_eq!(by_month, 1_280);
    }
}
