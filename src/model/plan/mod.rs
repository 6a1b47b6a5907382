//! The plan: everything the model needs to project a scenario. These types are also the body
//! of the current scenario file format (`crate::scenario` adds the `version` and migrates older
//! files into them), so they are a public interface: files are shared between offices and must
//! stay readable for years. Rules for changing them:
//! - field order here is the order in the saved file (it is what makes two files diff cleanly);
//! - a new optional field gets `#[serde(default, skip_serializing_if = ...)]` so older files
//!   still load and unchanged files still save byte-identically;
//! - anything else (renaming, removing, changing meaning) raises the format version and adds a
//!   migration step in `scenario::version`, keeping the old types frozen in `scenario::v<N>`.
//!
//! Counts and Rupiah amounts are whole numbers (`i64`, validated to be ≥ 0 so that a
//! negative value gets a clear message with its field path); percentages and rates are `f64`.

use serde::{Deserialize, Serialize};

mod coverage;
pub mod field;
mod rule_set;

pub use coverage::*;
pub use rule_set::*;

/// A what-if scenario: regions, their workforce and target pool, the coverage path or
/// budget, who pays, and the assumptions behind the protection figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub meta: Meta,
    pub horizon: Horizon,
    /// Which way the plan is computed: from a coverage target to the budget it needs, or
    /// from a budget to the coverage it buys.
    pub direction: Direction,
    pub programme: Programme,
    pub assumptions: Assumptions,
    pub regions: Vec<Region>,
    /// A province's quota of workers split across its kabupaten/kota by a stated rule,
    /// instead of a hand-made quota in each region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province_quota: Option<ProvinceQuota>,
    /// Rule sets defined in this file (for example a relief period). They take precedence
    /// over the rule sets built into Lindung with the same id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rule_sets: Vec<RuleSet>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub author: String,
    /// The Pemda that owns the scenario (e.g. "Provinsi Sulawesi Tengah").
    pub region_name: String,
    pub level: Level,
    /// Official area code (kode wilayah Kemendagri), e.g. "72" or "72.71".
    pub code: String,
    pub notes: String,
    /// Id of the rule set that gives contributions and benefits, e.g. "permenaker_5_2021".
    pub rule_set: String,
    /// Total APBD of the owning Pemda, for its share-of-APBD figure on the total row. When
    /// absent, the total row compares against the sum of the regions' own APBD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apbd: Option<Apbd>,
    /// The Pemda's UCJ target, %, drawn against the projected UCJ (e.g. Sulteng 71%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ucj_target: Option<Sourced<f64>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Level {
    Provinsi,
    Kabupaten,
    Kota,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Provinsi, Level::Kabupaten, Level::Kota];

    /// The payer that stands for this level's own regional budget.
    pub fn own_payer(self) -> PayerKind {
        match self {
            Level::Provinsi => PayerKind::ApbdProvinsi,
            Level::Kabupaten | Level::Kota => PayerKind::ApbdKabKota,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Horizon {
    /// First fiscal year (January–December).
    pub first_year: i32,
    /// Number of fiscal years, 1–30.
    pub years: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Direction {
    /// Each region's coverage path gives enrolment; the model works out the budget needed.
    CoverageTarget,
    /// Each region's budget gives the money; the model works out how many workers it enrols.
    BudgetCap,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// JKK and JKM are always in the package; JHT (old-age savings) is optional for BPU.
    pub jht: bool,
    /// Declared monthly income (Rp) on which JKK (and JHT) is a percentage.
    pub declared_income: Sourced<i64>,
}

/// A number together with the note that says where it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    pub value: T,
    pub source: String,
}

impl<T> Sourced<T> {
    pub fn new(value: T, source: &str) -> Self {
        Self {
            value,
            source: source.to_owned(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// Deaths that are not work accidents (paid by JKM).
    pub mortality: Mortality,
    /// Deaths from work accidents (paid by JKK), per 1.000 members a year, on top of the
    /// JKM deaths.
    pub jkk_deaths_per_mille: Sourced<f64>,
    /// Work-accident claims that are not fatal, per 1.000 members a year.
    pub nonfatal_accidents_per_mille: Sourced<f64>,
    /// Medical care per non-fatal claim, Rp (does not depend on the declared income).
    pub accident_care_avg: Sourced<i64>,
    /// Cash benefits per non-fatal claim (temporary inability to work, disability), in months
    /// of declared income.
    pub accident_cash_months: Sourced<f64>,
    /// School-age children per deceased member, on average: the number is taken to be
    /// Poisson-distributed, and the rule set's cap (2) applies to each family.
    pub children_per_member: Sourced<f64>,
    /// Where those children are in school when the parent dies, % of children per level
    /// (the rest are not in school and receive nothing).
    pub school_mix: Sourced<SchoolMix>,
    /// Share of children finishing SD who go on to SMP, %.
    pub continuation_smp_pct: Sourced<f64>,
    /// Share of children finishing SMP who go on to SMA, %.
    pub continuation_sma_pct: Sourced<f64>,
    /// Share of children finishing SMA who go on to university or training, %.
    pub higher_education_pct: Sourced<f64>,
    /// Whether a JKM death within the waiting period pays only the funeral benefit
    /// (disputed in practice).
    pub jkm_waiting_rule: Sourced<bool>,
    /// Yearly growth of the declared income, %.
    pub income_growth_pct: Sourced<f64>,
    /// Poverty line per poor household per month, Rp (to express a benefit in months).
    pub household_poverty_line: Sourced<i64>,
    /// JKM deaths the Pemda's own members had (from a BPJS TK branch report): combined with
    /// the death rate above by Gamma–Poisson credibility, the calibrated rate is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub observed_deaths: Option<ObservedDeaths>,
}

/// Deaths observed among the Pemda's own members over a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObservedDeaths {
    /// JKM deaths (claims) in the period.
    pub deaths: i64,
    /// Member-years in the period (average members × years).
    pub member_years: f64,
    /// First and last month of the period.
    pub from: YearMonth,
    pub to: YearMonth,
    /// How many member-years of local experience the death rate above is worth: the
    /// credibility the default keeps (Gamma prior with mean = the rate above).
    pub prior_member_years: f64,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Mortality {
    /// One death rate for all members, per 1.000 members a year.
    Flat(Sourced<f64>),
    /// Death rates by age band and sex (e.g. TMI IV 2019) times a loading factor.
    AgeBands(AgeBandMortality),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeBandMortality {
    /// Multiplies every rate in the table (insured-lives tables understate the mortality
    /// of poor informal workers).
    pub loading: f64,
    /// Share of members who are men, %.
    pub male_pct: f64,
    pub bands: Vec<AgeBand>,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeBand {
    /// First age in the band (inclusive).
    pub from: u32,
    /// Last age in the band (inclusive).
    pub to: u32,
    /// Share of members in this band, %.
    pub share_pct: f64,
    pub male_per_mille: f64,
    pub female_per_mille: f64,
}

impl AgeBand {
    /// A band of ages `from`–`to` holding `share_pct` of members, with death rates per 1.000.
    pub fn new(
        from: u32,
        to: u32,
        share_pct: f64,
        male_per_mille: f64,
        female_per_mille: f64,
    ) -> Self {
        Self {
            from,
            to,
            share_pct,
            male_per_mille,
            female_per_mille,
        }
    }
}

/// A number of workers one payer (usually the province's APBD) funds across the regions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvinceQuota {
    pub payer: PayerKind,
    /// Workers funded in all regions together.
    pub workers: i64,
    pub split: QuotaSplit,
    pub source: String,
}

/// How a province quota is split across the regions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum QuotaSplit {
    /// In proportion to each region's pool in the first year (whole workers, the remainders
    /// to the largest fractions).
    ByPool,
    /// One number per region, in the order of `regions`, adding up to the quota.
    Explicit(Vec<i64>),
}

impl ProvinceQuota {
    /// Each region's share of the quota, in the order of `regions`.
    pub fn per_region(&self, regions: &[Region]) -> Vec<i64> {
        match &self.split {
            QuotaSplit::Explicit(counts) => (0..regions.len())
                .map(|i| counts.get(i).copied().unwrap_or(0).max(0))
                .collect(),
            QuotaSplit::ByPool => {
                let pools: Vec<i128> = regions
                    .iter()
                    .map(|r| i128::from(r.pool.count.max(0)))
                    .collect();
                let total: i128 = pools.iter().sum();
                let workers = i128::from(self.workers.max(0));
                if total == 0 {
                    return vec![0; regions.len()];
                }
                // Whole workers by the largest remainder, so the parts add up to the quota.
                let mut parts: Vec<(usize, i128, i128)> = pools
                    .iter()
                    .enumerate()
                    .map(|(i, pool)| (i, workers * pool / total, workers * pool % total))
                    .collect();
                let mut left = workers - parts.iter().map(|p| p.1).sum::<i128>();
                parts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
                for part in &mut parts {
                    if left == 0 {
                        break;
                    }
                    part.1 += 1;
                    left -= 1;
                }
                parts.sort_by_key(|p| p.0);
                parts
                    .iter()
                    .map(|p| i64::try_from(p.1).unwrap_or(i64::MAX))
                    .collect()
            }
        }
    }
}

/// Percent of children at each school level.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolMix {
    pub tk: f64,
    pub sd: f64,
    pub smp: f64,
    pub sma: f64,
    pub pt: f64,
}

impl SchoolMix {
    pub fn total(&self) -> f64 {
        self.tk + self.sd + self.smp + self.sma + self.pt
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub name: String,
    pub level: Level,
    /// Official area code (kode wilayah), e.g. "72.71".
    pub code: String,
    pub workforce: Workforce,
    pub pool: Pool,
    pub coverage: Coverage,
    /// The money available per year, used when the scenario's direction is `BudgetCap`.
    pub budget: Budget,
    pub funding: Funding,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workforce {
    /// Employed workforce (BPS Sakernas), the UCJ denominator.
    pub employed: i64,
    /// Yearly growth of the employed workforce, %.
    pub employed_growth_pct: f64,
    /// Members covered by other payers: wage earners (PU).
    pub covered_pu: i64,
    /// Non-wage earners (BPU) covered, as BPJS TK reports them.
    pub covered_bpu: i64,
    /// Of `covered_bpu`, members whose contributions this programme already pays (they are
    /// among the programme's starting members): counted once in UCJ.
    pub programme_in_bpu: i64,
    /// Members covered by other payers: construction-project workers (Jakon).
    pub covered_jakon: i64,
    /// Yearly growth of those other members, %.
    pub covered_growth_pct: f64,
    pub source: String,
    /// The year these figures describe, when it is before the first projection year: they
    /// are grown to the first year at their growth rates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
}

impl Workforce {
    /// Members covered outside this programme: PU, BPU not paid by the programme, Jakon.
    pub fn covered_other(&self) -> i64 {
        self.covered_pu
            .saturating_add(
                self.covered_bpu
                    .saturating_sub(self.programme_in_bpu)
                    .max(0),
            )
            .saturating_add(self.covered_jakon)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pool {
    /// Pekerja rentan who could be enrolled, in the first year.
    pub count: i64,
    /// Yearly growth of the pool, %.
    pub growth_pct: f64,
    /// Enrolment age band (inclusive).
    pub age_min: u32,
    pub age_max: u32,
    pub source: String,
    /// The year the count describes, when it is before the first projection year: it is
    /// grown to the first year at `growth_pct`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Budget {
    /// A yearly amount (Rp) growing by a percentage each year.
    Growing { amount: i64, growth_pct: f64 },
    /// One amount (Rp) per year of the horizon.
    PerYear(Vec<i64>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// Payers, applied in this order of basis: worker quotas, fixed amounts, then shares.
    pub payers: Vec<Payer>,
    /// Who pays whatever the listed payers do not.
    pub residual: PayerKind,
    /// The region's own total APBD, for its share-of-APBD figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apbd: Option<Apbd>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payer {
    pub kind: PayerKind,
    pub basis: Basis,
    pub source: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PayerKind {
    ApbdKabKota,
    ApbdProvinsi,
    /// APBDes / Dana Desa.
    ApbDesa,
    /// Revenue share of tobacco excise.
    DbhCht,
    Csr,
    Baznas,
    Lainnya,
}

impl PayerKind {
    pub const ALL: [PayerKind; 7] = [
        PayerKind::ApbdKabKota,
        PayerKind::ApbdProvinsi,
        PayerKind::ApbDesa,
        PayerKind::DbhCht,
        PayerKind::Csr,
        PayerKind::Baznas,
        PayerKind::Lainnya,
    ];

    /// Stable snake_case id, used in CSV column names (`cost_<id>`).
    pub fn id(self) -> &'static str {
        match self {
            PayerKind::ApbdKabKota => "apbd_kabkota",
            PayerKind::ApbdProvinsi => "apbd_provinsi",
            PayerKind::ApbDesa => "apbdes",
            PayerKind::DbhCht => "dbh_cht",
            PayerKind::Csr => "csr",
            PayerKind::Baznas => "baznas",
            PayerKind::Lainnya => "lainnya",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Basis {
    /// Percent of the region's contribution cost.
    Share(f64),
    /// A fixed amount per year, Rp (never more than the cost left to pay).
    Amount(i64),
    /// The contributions of this many workers.
    Workers(i64),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Apbd {
    /// Total APBD spending in the first year (or in `base_year`), Rp.
    pub total: i64,
    /// Yearly growth, %.
    pub growth_pct: f64,
    pub source: String,
    /// The year of `total`, when it is before the first projection year (e.g. the APBD-P
    /// 2025 for a plan from 2026): it is grown to the first year at `growth_pct`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_year: Option<i32>,
}

/// Years from a figure's base year to the first projection year (0 without a base year).
pub fn years_since(base_year: Option<i32>, first_year: i32) -> i32 {
    base_year.map_or(0, |base| first_year.saturating_sub(base).max(0))
}
