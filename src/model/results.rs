//! Results of a projection: one row per fiscal year, per region and for the total.

use crate::model::plan::PayerKind;

/// Figures for one region (or the total) in one fiscal year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct YearResult {
    pub year: i32,
    /// Pekerja rentan who could be enrolled.
    pub pool: i64,
    /// Members paid for, averaged over the twelve months.
    pub enrolled_avg: f64,
    /// Members paid for in December.
    pub enrolled_end: i64,
    /// Members who joined in this year.
    pub enrolled_new: i64,
    /// Members no longer paid for from January, because the target or the budget fell.
    pub enrolled_cut: i64,
    /// Members who passed the pool's upper age on 1 January and left the programme.
    pub enrolled_aged_out: i64,
    /// Employed workforce (UCJ denominator).
    pub employed: f64,
    /// Members covered outside this programme (PU, BPU not paid by it, Jakon).
    pub covered_other: f64,
    /// Contributions paid in the year, Rp.
    pub cost_total: i64,
    /// Contributions by payer, Rp, indexed by [`PayerKind::index`].
    pub cost_by_payer: [i64; PayerKind::ALL.len()],
    /// Contributions by programme, Rp (RKA budget lines are written per programme).
    pub cost_jkk: i64,
    pub cost_jkm: i64,
    pub cost_jht: i64,
    /// What payers with a fixed amount or a share were asked to pay but could not, because
    /// quotas and amounts before them left too little of the cost, Rp, by [`PayerKind::index`].
    pub unpaid_by_payer: [i64; PayerKind::ALL.len()],
    /// The part of the cost paid by the region's own APBD (kabupaten/kota or province by its
    /// level): what a budget cap limits; on the total row, the sum of the regions' own parts.
    pub own_cost: i64,
    /// Budget available (budget-cap direction only), Rp.
    pub budget: Option<i64>,
    /// How many months the budget would pay for the whole pool (budget-cap direction only).
    pub months_for_pool: Option<f64>,
    /// The APBD the share-of-APBD figure compares against, Rp.
    pub apbd_total: Option<f64>,
    /// Cost borne by that APBD, Rp (on the total row without the owner's APBD: the own cost
    /// of the regions that give an APBD, see [`ApbdBasis`]).
    pub apbd_cost: i64,
    /// Member-years of protection (sum of monthly members ÷ 12).
    pub member_years: f64,
    pub deaths_expected: f64,
    pub jkm_deaths: f64,
    pub jkk_deaths: f64,
    /// JKM deaths within the waiting period that pay only the funeral benefit.
    pub waiting_deaths: f64,
    /// Death benefits paid to families (JKM and JKK), Rp.
    pub death_benefits: f64,
    pub accident_claims: f64,
    pub accident_benefits: f64,
    /// Scholarship payments in this year from deaths in this and earlier years, Rp.
    pub scholarships_paid: f64,
}

impl YearResult {
    /// Share of the pool enrolled at year end, %.
    pub fn coverage_pct(&self) -> f64 {
        percent(self.enrolled_end as f64, self.pool as f64)
    }

    /// Universal Coverage Jamsostek: all covered ÷ employed workforce, %.
    pub fn ucj_pct(&self) -> f64 {
        percent(self.covered_other + self.enrolled_end as f64, self.employed)
    }

    pub fn apbd_share_pct(&self) -> Option<f64> {
        self.apbd_total
            .filter(|total| *total > 0.0)
            .map(|total| percent(self.apbd_cost as f64, total))
    }

    /// Cost per member-year of protection, Rp (for one year: cost ÷ average members).
    pub fn cost_per_worker(&self) -> f64 {
        if self.member_years > 0.0 {
            self.cost_total as f64 / self.member_years
        } else {
            0.0
        }
    }

    /// 90% range of the death count (Poisson around `deaths_expected`): computed when asked,
    /// since only the rows on screen or in an export need it.
    pub fn deaths_range(&self) -> (f64, f64) {
        super::outcomes::poisson_range(self.deaths_expected)
    }

    /// Everything paid to families: death benefits, accident claims and scholarships, Rp.
    pub fn benefits_paid(&self) -> f64 {
        self.death_benefits + self.accident_benefits + self.scholarships_paid
    }

    /// Benefits reaching families per Rp1 of contributions (all payers).
    pub fn benefits_per_rupiah(&self) -> f64 {
        if self.cost_total > 0 {
            self.benefits_paid() / self.cost_total as f64
        } else {
            0.0
        }
    }

    /// Benefits reaching families per Rp1 of the APBD the share-of-APBD figure counts (the
    /// owner's, or the regions' own): what each Rupiah of that budget brings in.
    pub fn benefits_per_apbd_rupiah(&self) -> Option<f64> {
        (self.apbd_cost > 0).then(|| self.benefits_paid() / self.apbd_cost as f64)
    }

    pub fn cost_of(&self, payer: PayerKind) -> i64 {
        self.cost_by_payer[payer.index()]
    }

    /// Budget left unspent (budget-cap direction): the budget less the own APBD's part of
    /// the cost (co-payers pay on top of the budget), Rp.
    pub fn unspent(&self) -> Option<i64> {
        self.budget.map(|b| b.saturating_sub(self.own_cost))
    }

    /// Adds a region's year into a total; shares are recomputed from the sums.
    pub fn accumulate(&mut self, other: &YearResult) {
        self.year = other.year;
        self.pool += other.pool;
        self.enrolled_avg += other.enrolled_avg;
        self.enrolled_end += other.enrolled_end;
        self.enrolled_new += other.enrolled_new;
        self.enrolled_cut += other.enrolled_cut;
        self.enrolled_aged_out += other.enrolled_aged_out;
        self.employed += other.employed;
        self.covered_other += other.covered_other;
        self.cost_total = self.cost_total.saturating_add(other.cost_total);
        self.own_cost = self.own_cost.saturating_add(other.own_cost);
        for (sum, part) in self.cost_by_payer.iter_mut().zip(other.cost_by_payer) {
            *sum = sum.saturating_add(part);
        }
        self.cost_jkk = self.cost_jkk.saturating_add(other.cost_jkk);
        self.cost_jkm = self.cost_jkm.saturating_add(other.cost_jkm);
        self.cost_jht = self.cost_jht.saturating_add(other.cost_jht);
        for (sum, part) in self.unpaid_by_payer.iter_mut().zip(other.unpaid_by_payer) {
            *sum = sum.saturating_add(part);
        }
        self.budget = match (self.budget, other.budget) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0).saturating_add(b.unwrap_or(0))),
        };
        self.member_years += other.member_years;
        self.deaths_expected += other.deaths_expected;
        self.jkm_deaths += other.jkm_deaths;
        self.jkk_deaths += other.jkk_deaths;
        self.waiting_deaths += other.waiting_deaths;
        self.death_benefits += other.death_benefits;
        self.accident_claims += other.accident_claims;
        self.accident_benefits += other.accident_benefits;
        self.scholarships_paid += other.scholarships_paid;
    }
}

fn percent(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        100.0 * part / whole
    } else {
        0.0
    }
}

/// One month of one region: what BPJS TK bills and the finance office pays that month.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthResult {
    pub year: i32,
    /// 1 = January.
    pub month: u32,
    /// Members paid for this month.
    pub members: i64,
    /// Members who joined this month.
    pub new: i64,
    /// Members no longer paid for from this month (a cut takes effect in January).
    pub cut: i64,
    /// Members who passed the upper age and left (in January).
    pub aged_out: i64,
    pub cost_total: i64,
    /// Each payer's part of the year spread over the months in proportion to the month's
    /// cost, so that the months add up to the year exactly, Rp.
    pub cost_by_payer: [i64; PayerKind::ALL.len()],
    pub cost_jkk: i64,
    pub cost_jkm: i64,
    pub cost_jht: i64,
    pub deaths_expected: f64,
    pub jkm_deaths: f64,
    pub jkk_deaths: f64,
}

impl MonthResult {
    pub fn cost_of(&self, payer: PayerKind) -> i64 {
        self.cost_by_payer[payer.index()]
    }

    /// Adds a region's month into a total.
    pub fn accumulate(&mut self, other: &MonthResult) {
        self.year = other.year;
        self.month = other.month;
        self.members = self.members.saturating_add(other.members);
        self.new = self.new.saturating_add(other.new);
        self.cut = self.cut.saturating_add(other.cut);
        self.aged_out = self.aged_out.saturating_add(other.aged_out);
        self.cost_total = self.cost_total.saturating_add(other.cost_total);
        for (sum, part) in self.cost_by_payer.iter_mut().zip(other.cost_by_payer) {
            *sum = sum.saturating_add(part);
        }
        self.cost_jkk = self.cost_jkk.saturating_add(other.cost_jkk);
        self.cost_jkm = self.cost_jkm.saturating_add(other.cost_jkm);
        self.cost_jht = self.cost_jht.saturating_add(other.cost_jht);
        self.deaths_expected += other.deaths_expected;
        self.jkm_deaths += other.jkm_deaths;
        self.jkk_deaths += other.jkk_deaths;
    }
}

/// Results for one region.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionProjection {
    pub name: String,
    pub code: String,
    pub years: Vec<YearResult>,
    /// Scholarships still to be paid after the horizon to children of members who died
    /// within it, Rp.
    pub scholarships_after_horizon: f64,
    /// Whether members are cut in any year, and whether a payer cannot pay its part in any
    /// year: warnings look only at the regions that have them.
    pub any_cut: bool,
    pub any_unpaid: bool,
}

/// Which APBD the total row's share of APBD is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApbdBasis {
    /// The owning Pemda's APBD (`meta.apbd`), against its own payer's cost in every region.
    Owner,
    /// The sum of the APBDs of the `with_apbd` regions (of `of`) that give one, against
    /// those regions' own cost.
    Regions { with_apbd: usize, of: usize },
    /// No APBD given: no share.
    None,
}

/// Results of a whole plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// Shared, so that a recompute after an edit to one region reuses the others as they are.
    pub regions: Vec<std::sync::Arc<RegionProjection>>,
    /// Sum of all regions, per year.
    pub total: Vec<YearResult>,
    /// What the total row's share of APBD covers.
    pub apbd_basis: ApbdBasis,
    /// Declared income (the BPU bracket) in each year, Rp a month.
    pub income_by_year: Vec<i64>,
    /// What the JKM death benefit means to a poor family: months of the household poverty
    /// line it covers.
    pub jkm_benefit_poverty_months: f64,
    /// The same for a work-accident death at the first year's declared income.
    pub jkk_benefit_poverty_months: f64,
    pub jkm_death_benefit: i64,
    pub jkk_death_benefit: i64,
    /// Scholarships owed after the horizon, all regions, Rp.
    pub scholarships_after_horizon: f64,
    /// The JKM death rate calibrated on observed deaths, when the plan gives them.
    pub calibration: Option<super::outcomes::Calibration>,
}

impl Projection {
    /// The rows of one region (`Some(index)`) or of the total (`None`).
    pub fn years_of(&self, region: Option<usize>) -> &[YearResult] {
        match region {
            Some(i) => self.regions.get(i).map_or(&[], |r| r.years.as_slice()),
            None => &self.total,
        }
    }

    /// Sum over the whole horizon (shares from the sums; year is the last year; pool,
    /// enrolment and workforce are those at the end).
    pub fn horizon_sum(rows: &[YearResult]) -> YearResult {
        let mut sum = YearResult::default();
        for row in rows {
            sum.accumulate(row);
            sum.apbd_cost = sum.apbd_cost.saturating_add(row.apbd_cost);
            sum.apbd_total = match (sum.apbd_total, row.apbd_total) {
                (None, None) => None,
                (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
            };
        }
        if let Some(last) = rows.last() {
            sum.pool = last.pool;
            sum.enrolled_end = last.enrolled_end;
            sum.employed = last.employed;
            sum.covered_other = last.covered_other;
            sum.enrolled_avg = sum.member_years / rows.len() as f64;
        }
        sum
    }
}
