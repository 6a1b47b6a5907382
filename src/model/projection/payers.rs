//! Who pays a year's contributions, and the exact cost of a year of members.

use crate::model::plan::{Basis, Funding, PayerKind};
use crate::model::results::MonthResult;
use crate::model::whole::nearest;

/// Spreads each payer's yearly part (`paid`, of a year costing `total`) over the months in
/// proportion to each month's cost, rounding the running total so that the months add up to
/// the year exactly.
pub(super) fn spread_payers(months: &mut [MonthResult], total: i64, paid: &Payers) {
    let total = i128::from(total);
    if total <= 0 {
        return;
    }
    for (payer, paid) in paid.iter().enumerate() {
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
/// 64 bits when the product fits (always, within the input limits): a 128-bit product costs
/// about ten times as many instructions, and every region makes four a year.
pub(super) fn times(count: i64, rate: i64) -> i64 {
    count
        .checked_mul(rate)
        .unwrap_or_else(|| held(i128::from(count) * i128::from(rate)))
}

/// An exact sum held at the largest amount an `i64` can hold.
fn held(sum: i128) -> i64 {
    i64::try_from(sum).unwrap_or(if sum < 0 { i64::MIN } else { i64::MAX })
}

/// An amount for each payer, Rp, indexed by [`PayerKind::index`].
pub(super) type Payers = [i64; PayerKind::ALL.len()];

/// A region's payers in the order they take their part of a year's cost (the plan's
/// [`Funding`] rule): worker quotas first (month by month), then fixed amounts, then shares of
/// the cost; the residual payer takes what is left. Prepared once for all of a region's years.
#[derive(Default)]
pub(super) struct PayerOrder {
    /// Each payer's index ([`PayerKind::index`]) and part, quotas, amounts and shares in turn,
    /// each in the plan's order.
    parts: Vec<(usize, Part)>,
    residual: usize,
}

enum Part {
    Workers(i64),
    Amount(i64),
    /// Share of the cost, as a fraction (the plan's percentage ÷ 100).
    Share(f64),
}

impl PayerOrder {
    /// Orders the payers of `funding` (the room already made is kept).
    pub(super) fn prepare(&mut self, funding: &Funding) {
        self.parts.clear();
        self.parts.extend(funding.payers.iter().map(|payer| {
            let part = match payer.basis {
                Basis::Workers(quota) => Part::Workers(quota),
                Basis::Amount(amount) => Part::Amount(amount),
                Basis::Share(pct) => Part::Share(pct / 100.0),
            };
            (payer.kind.index(), part)
        }));
        // A stable sort: within each kind of part, the plan's order.
        self.parts.sort_by_key(|(_, part)| match part {
            Part::Workers(_) => 0,
            Part::Amount(_) => 1,
            Part::Share(_) => 2,
        });
        self.residual = funding.residual.index();
    }
}

/// What the payer `own` pays of a year of `monthly_members` at `month_costs` (see
/// [`split_cost`]).
pub(super) fn own_part(
    payers: &PayerOrder,
    own: PayerKind,
    monthly_members: &[i64; 12],
    month_costs: &[i64],
) -> i64 {
    let (mut paid, mut unpaid) = ([0; PayerKind::ALL.len()], [0; PayerKind::ALL.len()]);
    let total = year_cost(monthly_members, month_costs);
    split_cost(
        payers,
        || *monthly_members,
        month_costs,
        total,
        (&mut paid, &mut unpaid),
    );
    paid[own.index()]
}

/// Splits a region's yearly cost (`total`, the [`year_cost`] of the members at `month_costs`)
/// between its `payers`; `monthly_members` gives the members of each month, asked for only
/// when a payer pays for a quota of workers (month by month). Writes what each payer pays,
/// and what was asked of a payer (a fixed amount or a share) but not paid because too little
/// cost was left.
pub(super) fn split_cost(
    payers: &PayerOrder,
    monthly_members: impl Fn() -> [i64; 12],
    month_costs: &[i64],
    total: i64,
    (by_payer, unpaid): (&mut Payers, &mut Payers),
) {
    *by_payer = [0; PayerKind::ALL.len()];
    *unpaid = [0; PayerKind::ALL.len()];
    let mut left = total;
    // The members not yet paid for by a quota, month by month (only quotas need them).
    let mut members_left = None;
    for &(payer, ref part) in &payers.parts {
        let (paid, asked) = match *part {
            Part::Workers(quota) => {
                let members_left = members_left.get_or_insert_with(&monthly_members);
                let mut paid: i64 = 0;
                for (members, cost) in members_left.iter_mut().zip(month_costs) {
                    let covered = quota.max(0).min(*members);
                    *members -= covered;
                    paid = paid.saturating_add(covered.saturating_mul(*cost));
                }
                (paid, paid)
            }
            Part::Amount(amount) => (amount.clamp(0, left.max(0)), amount.max(0)),
            Part::Share(fraction) => {
                let asked = nearest(fraction * total as f64).max(0);
                (asked.min(left.max(0)), asked)
            }
        };
        by_payer[payer] += paid;
        unpaid[payer] += asked - paid;
        left -= paid;
    }
    by_payer[payers.residual] += left;
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
        // Negative past the range (a negative rate never comes from the rules): held there.
        assert_eq!(times(i64::MAX, -2), i64::MIN);
    }
}
