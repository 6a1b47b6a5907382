//! Who pays a year's contributions, and the exact cost of a year of members.

use crate::model::plan::{Basis, PayerKind, Region};
use crate::model::results::MonthResult;
use crate::model::whole::nearest;

/// Spreads each payer's yearly part over the months in proportion to each month's cost,
/// rounding the running total so that the months add up to the year exactly.
pub(super) fn spread_payers(months: &mut [MonthResult], split: &PayerSplit) {
    let total = i128::from(split.total);
    if total <= 0 {
        return;
    }
    for (payer, paid) in split.paid.iter().enumerate() {
        let paid = i128::from(*paid);
        let (mut cost_so_far, mut given) = (0_i128, 0_i128);
        for month in months.iter_mut() {
            cost_so_far += i128::from(month.cost_total);
            let upto = (paid * cost_so_far + total / 2) / total;
            month.cost_by_payer[payer] = i64::try_from(upto - given).unwrap_or(i64::MAX);
            given = upto;
        }
    }
}

/// What a year of `members` costs at `per_member` a month, Rp (summed exactly, then held at
/// the largest amount an `i64` can hold).
pub(super) fn year_cost(members: &[i64; 12], per_member: &[i64]) -> i64 {
    let sum: i128 = members
        .iter()
        .zip(per_member)
        .map(|(&members, &cost)| i128::from(members) * i128::from(cost))
        .sum();
    held(sum)
}

/// `count × rate`, Rp, exact and held at the largest amount an `i64` can hold. Multiplied in
/// 64 bits when the product fits (always, within the input limits): a checked 128-bit product
/// costs about ten times as many instructions, and every region makes four a year.
pub(super) fn times(count: i128, rate: i64) -> i64 {
    match i64::try_from(count)
        .ok()
        .and_then(|count| count.checked_mul(rate))
    {
        Some(product) => product,
        None => held(count.saturating_mul(i128::from(rate))),
    }
}

/// An exact sum held at the largest amount an `i64` can hold.
fn held(sum: i128) -> i64 {
    i64::try_from(sum).unwrap_or(if sum < 0 { i64::MIN } else { i64::MAX })
}

/// A year's contributions split between payers.
pub(super) struct PayerSplit {
    pub(super) total: i64,
    pub(super) paid: [i64; PayerKind::ALL.len()],
    /// Asked of a payer (a fixed amount or a share) but not paid: too little cost was left.
    pub(super) unpaid: [i64; PayerKind::ALL.len()],
}

/// Splits a region's yearly cost between payers: worker quotas first (month by month), then
/// fixed amounts, then shares of the cost; the residual payer takes what is left.
pub(super) fn split_by_payer(
    region: &Region,
    monthly_members: &[i64; 12],
    month_costs: &[i64],
) -> PayerSplit {
    split_cost(
        region,
        monthly_members,
        month_costs,
        year_cost(monthly_members, month_costs),
    )
}

/// [`split_by_payer`] of a year whose cost (`total`, the [`year_cost`] of the members at
/// `month_costs`) is already known.
pub(super) fn split_cost(
    region: &Region,
    monthly_members: &[i64; 12],
    month_costs: &[i64],
    total: i64,
) -> PayerSplit {
    let mut by_payer = [0_i64; PayerKind::ALL.len()];
    let mut unpaid = [0_i64; PayerKind::ALL.len()];
    let mut left = total;
    let mut members_left = *monthly_members;
    for payer in &region.funding.payers {
        if let Basis::Workers(quota) = payer.basis {
            let mut paid: i64 = 0;
            for (members, cost) in members_left.iter_mut().zip(month_costs) {
                let covered = quota.max(0).min(*members);
                *members -= covered;
                paid = paid.saturating_add(covered.saturating_mul(*cost));
            }
            by_payer[payer.kind.index()] += paid;
            left -= paid;
        }
    }
    for payer in &region.funding.payers {
        if let Basis::Amount(amount) = payer.basis {
            let paid = amount.clamp(0, left.max(0));
            by_payer[payer.kind.index()] += paid;
            unpaid[payer.kind.index()] += amount.max(0) - paid;
            left -= paid;
        }
    }
    for payer in &region.funding.payers {
        if let Basis::Share(pct) = payer.basis {
            let asked = nearest(pct / 100.0 * total as f64).max(0);
            let paid = asked.min(left.max(0));
            by_payer[payer.kind.index()] += paid;
            unpaid[payer.kind.index()] += asked - paid;
            left -= paid;
        }
    }
    by_payer[region.funding.residual.index()] += left;
    PayerSplit {
        total,
        paid: by_payer,
        unpaid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_product_is_exact_and_held_at_the_largest_amount() {
        // 1.200 member-months at Rp16.800 = Rp20.160.000.
        assert_eq!(times(1_200, 16_800), 20_160_000);
        // 2^62 × 2 = 2^63 is one past the largest i64: held there, not wrapped.
        assert_eq!(times(1 << 62, 2), i64::MAX);
        // Past 64 bits for the count itself: held too.
        assert_eq!(times(i128::from(i64::MAX) * 4, 1), i64::MAX);
    }
}
