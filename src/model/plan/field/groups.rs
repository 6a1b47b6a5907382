//! The plan's structure as typed paths: one group per struct of the plan, each field with the
//! key of its label.

use super::{FieldPath, Find, Item, Named, Walk};
#[cfg(test)]
use super::{Labels, item_labels};

group!(
    /// [`super::Plan`].
    PlanPath {
        node meta: MetaPath = "place.meta";
        node horizon: HorizonPath = "";
        leaf direction: "ui.field.direction";
        node programme: ProgrammePath = "ui.section.programme";
        node assumptions: AssumptionsPath = "ui.section.assumptions";
        list regions: "ui.section.regions", region: RegionPath = Item::Region;
        node province_quota: QuotaPath = "ui.field.province_quota";
        list rule_sets: "place.rule_sets", rule_set: RuleSetPath = Item::RuleSet;
    }
);

group!(
    /// [`super::Meta`].
    MetaPath {
        leaf title: "ui.field.title", author: "ui.field.author";
        leaf region_name: "ui.field.owner_name", code: "ui.field.owner_code";
        leaf rule_set: "ui.field.rule_set";
        leaf level: "ui.field.owner_level", notes: "ui.field.notes";
        node apbd: ApbdPath = "place.owner_apbd";
        node ucj_target: SourcedPath = "place.ucj_target";
    }
);

group!(
    /// A [`super::Sourced`] value: the value (its source is free text).
    SourcedPath {
        leaf value: "";
    }
);

group!(
    /// [`super::Horizon`].
    HorizonPath {
        leaf first_year: "ui.field.first_year", years: "ui.field.years";
    }
);

group!(
    /// [`super::Programme`].
    ProgrammePath {
        leaf jht: "ui.field.jht";
        node declared_income: SourcedPath = "ui.field.declared_income";
    }
);

group!(
    /// [`super::Assumptions`].
    AssumptionsPath {
        node mortality: MortalityPath = "ui.field.mortality_kind";
        node jkk_deaths_per_mille: SourcedPath = "ui.field.jkk_deaths";
        node nonfatal_accidents_per_mille: SourcedPath = "ui.field.accident_claims";
        node accident_care_avg: SourcedPath = "ui.field.accident_care_avg";
        node accident_cash_months: SourcedPath = "ui.field.accident_cash_months";
        node children_per_member: SourcedPath = "ui.field.children_per_member";
        node school_mix: SchoolMixSourcedPath = "ui.group.school_mix";
        node continuation_smp_pct: SourcedPath = "ui.field.continuation_smp";
        node continuation_sma_pct: SourcedPath = "ui.field.continuation_sma";
        node higher_education_pct: SourcedPath = "ui.field.higher_education";
        node income_growth_pct: SourcedPath = "ui.field.income_growth";
        node household_poverty_line: SourcedPath = "ui.field.poverty_line";
        node observed_deaths: ObservedPath = "ui.field.observed_deaths";
        leaf jkm_waiting_rule: "ui.field.waiting_rule";
    }
);

group!(
    /// [`super::Mortality`]: a flat rate's `value`, or an age-band table.
    MortalityPath {
        leaf value: "ui.field.death_rate", loading: "ui.field.loading";
        leaf male_pct: "ui.field.male_pct", source: "ui.source";
        list bands: "ui.mortality.bands", band: BandPath = Item::Numbered("place.band");
    }
);

group!(
    /// [`super::AgeBand`].
    BandPath {
        leaf from: "place.band_from", to: "place.band_to", share_pct: "ui.band.share";
        leaf male_per_mille: "ui.band.male", female_per_mille: "ui.band.female";
    }
);

group!(
    /// The school mix and its source.
    SchoolMixSourcedPath {
        node value: SchoolMixPath = "";
    }
);

group!(
    /// [`super::SchoolMix`].
    SchoolMixPath {
        leaf tk: "ui.field.school_tk", sd: "ui.field.school_sd", smp: "ui.field.school_smp";
        leaf sma: "ui.field.school_sma", pt: "ui.field.school_pt";
    }
);

group!(
    /// [`super::ObservedDeaths`].
    ObservedPath {
        leaf deaths: "ui.field.observed_count", member_years: "ui.field.observed_member_years";
        leaf prior_member_years: "ui.field.prior_member_years", source: "ui.source";
        node from: YearMonthPath = "place.from";
        node to: YearMonthPath = "place.to";
    }
);

group!(
    /// [`super::YearMonth`].
    YearMonthPath {
        leaf year: "place.year", month: "place.month";
    }
);

group!(
    /// [`super::Region`].
    RegionPath {
        leaf name: "ui.field.region_name", code: "ui.field.region_code";
        leaf level: "ui.field.region_level";
        node workforce: WorkforcePath = "place.workforce";
        node pool: PoolPath = "ui.section.target";
        node coverage: CoverageFieldsPath = "ui.section.coverage";
        node budget: BudgetPath = "place.budget";
        node funding: FundingPath = "ui.section.funding";
    }
);

group!(
    /// [`super::Workforce`].
    WorkforcePath {
        leaf employed: "ui.field.employed", covered_pu: "ui.field.covered_pu";
        leaf covered_bpu: "ui.field.covered_bpu", covered_jakon: "ui.field.covered_jakon";
        leaf programme_in_bpu: "ui.field.programme_in_bpu";
        leaf employed_growth_pct: "ui.field.employed_growth";
        leaf covered_growth_pct: "ui.field.covered_growth", base_year: "ui.field.base_year";
        leaf source: "ui.source";
    }
);

group!(
    /// [`super::Pool`].
    PoolPath {
        leaf count: "ui.field.pool_count", growth_pct: "ui.field.pool_growth";
        leaf base_year: "ui.field.base_year";
        leaf age_min: "ui.field.age_min", age_max: "ui.field.age_max";
        leaf source: "ui.source";
    }
);

group!(
    /// [`super::Coverage`].
    CoverageFieldsPath {
        leaf start_pct: "ui.field.start_pct", start_tenure_months: "ui.field.start_tenure";
        leaf paid_until_month: "ui.field.paid_until_month";
        leaf enrolment: "ui.field.enrolment", cut: "ui.field.cut";
        node path: CoverageShapePath = "ui.field.path_kind";
        list waves: "ui.group.waves", wave: WavePath = Item::Numbered("place.wave");
    }
);

group!(
    /// [`super::CoveragePath`]: a ramp's or S-curve's target, or one share per year.
    CoverageShapePath {
        leaf target_pct: "ui.field.target_pct", steepness: "ui.field.steepness";
        index year: FieldPath = Item::Year;
    }
);

group!(
    /// [`super::Wave`].
    WavePath {
        leaf month: "place.wave_month", share_pct: "place.wave_share";
        leaf until_month: "place.wave_until";
    }
);

group!(
    /// [`super::Budget`]: a growing amount, or one amount per year.
    BudgetPath {
        leaf amount: "ui.field.budget_amount", growth_pct: "ui.field.budget_growth";
        index year: FieldPath = Item::Year;
    }
);

group!(
    /// [`super::Funding`].
    FundingPath {
        list payers: "place.payers", payer: PayerPath = Item::Numbered("ui.payer.n");
        node apbd: ApbdPath = "place.region_apbd";
        leaf residual: "ui.field.residual";
    }
);

group!(
    /// [`super::Payer`].
    PayerPath {
        leaf kind: "place.payer_kind", basis: "place.payer_basis", source: "ui.source";
    }
);

group!(
    /// [`super::Apbd`].
    ApbdPath {
        leaf total: "ui.field.apbd_total", growth_pct: "ui.field.apbd_growth";
        leaf base_year: "ui.field.base_year", source: "ui.source";
    }
);

group!(
    /// [`super::ProvinceQuota`].
    QuotaPath {
        leaf payer: "ui.field.quota_payer", workers: "ui.field.quota_workers";
        leaf source: "ui.source";
        list split: "place.quota_split", part: FieldPath = Item::Region;
    }
);

group!(
    /// [`super::RuleSet`].
    RuleSetPath {
        leaf id: "place.rule_id", title: "place.rule_title", source: "ui.source";
        node income_brackets: BracketsPath = "place.brackets";
        list periods: "place.periods", period: PeriodPath = Item::Numbered("place.period");
    }
);

group!(
    /// [`super::IncomeBrackets`].
    BracketsPath {
        list rows: "", row: BracketRowPath = Item::Numbered("place.row");
        leaf source: "ui.source";
    }
);

group!(
    /// One row of the income bracket table.
    BracketRowPath {
        leaf from: "place.row_from", nominal: "place.row_nominal";
    }
);

group!(
    /// [`super::RulePeriod`].
    PeriodPath {
        node from: YearMonthPath = "place.period_from";
        leaf jkk_pct: "place.jkk_pct", jht_pct: "place.jht_pct";
        leaf jkm_waiting_months: "place.jkm_waiting_months", note: "place.period_note";
        leaf jkm_per_month: "place.jkm_per_month", jkm_death_benefit: "place.jkm_death_benefit";
        leaf funeral_benefit: "place.funeral_benefit", jkk_death_extra: "place.jkk_death_extra";
        leaf jkk_death_income_multiple: "place.jkk_death_income_multiple";
        node scholarship: ScholarshipPath = "place.scholarship";
    }
);

group!(
    /// [`super::ScholarshipRule`].
    ScholarshipPath {
        leaf jkm_min_membership_months: "place.jkm_min_membership";
        node tk: StagePath = "ui.field.school_tk";
        node sd: StagePath = "ui.field.school_sd";
        node smp: StagePath = "ui.field.school_smp";
        node sma: StagePath = "ui.field.school_sma";
        node pt: StagePath = "ui.field.school_pt";
        leaf lump_sum: "place.lump_sum", max_children: "place.max_children";
    }
);

group!(
    /// One school stage of a scholarship rule.
    StagePath {
        leaf per_year: "place.per_year", years: "place.stage_years";
    }
);
