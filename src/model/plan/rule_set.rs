//! Rule sets: contributions and benefits with the dates they take effect, and the BPU income
//! brackets (built in under `assets/rules/`, or defined in a plan).

use serde::{Deserialize, Serialize};

/// Contribution and benefit rules with effective dates. The period in force in a month is the
/// last one whose `from` is not after it, so a relief period is two entries: the reduced
/// rates from its start and the normal rates again from its end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    pub id: String,
    pub title: String,
    pub source: String,
    /// Declared incomes a BPU member may choose (JKK is a percentage of the bracket).
    /// Absent in a plan's own rule set: the built-in BPU table applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_brackets: Option<IncomeBrackets>,
    pub periods: Vec<RulePeriod>,
}

/// The declared incomes of BPU members (Lampiran II PP 44/2015 as amended): a member whose
/// income falls in a row's range declares that row's nominal income, and JKK (and JHT) are
/// percentages of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomeBrackets {
    /// Rows in ascending order of `from`.
    pub rows: Vec<IncomeBracket>,
    pub source: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomeBracket {
    /// Lowest income in the row's range, Rp a month (the range ends where the next row's
    /// starts).
    pub from: i64,
    /// The income declared for the range, Rp a month.
    pub nominal: i64,
}

impl IncomeBrackets {
    /// The row whose range holds `income` (the first row for incomes below every range).
    pub fn row_for(&self, income: f64) -> Option<&IncomeBracket> {
        self.rows
            .iter()
            .rev()
            .find(|row| row.from as f64 <= income)
            .or(self.rows.first())
    }

    pub fn is_nominal(&self, income: i64) -> bool {
        self.rows.iter().any(|row| row.nominal == income)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePeriod {
    pub from: YearMonth,
    pub note: String,
    /// JKK contribution, % of declared income a month.
    pub jkk_pct: f64,
    /// JKM contribution, Rp a month.
    pub jkm_per_month: i64,
    /// JHT contribution, % of declared income a month.
    pub jht_pct: f64,
    /// JKM benefit for a death that is not a work accident, Rp.
    pub jkm_death_benefit: i64,
    /// Funeral benefit, Rp (all a JKM death pays within the waiting period).
    pub funeral_benefit: i64,
    /// Months of membership before a JKM death pays in full.
    pub jkm_waiting_months: u32,
    /// JKK death benefit as a multiple of declared income.
    pub jkk_death_income_multiple: i64,
    /// Paid on a JKK death on top of the multiple (funeral + periodic benefit), Rp.
    pub jkk_death_extra: i64,
    pub scholarship: ScholarshipRule,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScholarshipRule {
    /// Children paid per eligible death, at most.
    pub max_children: u32,
    /// Months of membership a JKM death needs before children get scholarships
    /// (a work-accident death needs none).
    pub jkm_min_membership_months: u32,
    pub tk: SchoolStage,
    pub sd: SchoolStage,
    pub smp: SchoolStage,
    pub sma: SchoolStage,
    pub pt: SchoolStage,
    /// A one-time scholarship per child in school, paid with the death claim (PP 44/2015:
    /// Rp12 juta for one child), Rp; 0 when the stages above are paid instead.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub lump_sum: i64,
}

fn is_zero(value: &i64) -> bool {
    *value == 0
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolStage {
    /// Rp per child per year.
    pub per_year: i64,
    /// Years the stage is paid at most.
    pub years: u32,
}
