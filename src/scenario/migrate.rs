//! Migration of older files into the current plan, with a note for everything it changed.
//!
//! Version 1 → 2:
//! - **JKM and JKK deaths are separate rates.** Version 1 took `work_accident_death_pct` of
//!   the death rate out of JKM as work-accident deaths. Version 2 counts the mortality in full
//!   as JKM deaths and adds `jkk_deaths_per_mille` on top. A file with version 1's default
//!   split (10% of 1,66‰) gets the sourced BPU rate; any other split keeps its JKK deaths
//!   (rate × share).
//! - **Non-fatal accidents apart from deaths.** Version 1's `accident_claims_per_mille` ×
//!   `accident_claim_avg` (4,3‰ × Rp17 juta by default) counted all JKK claims, fatal ones
//!   included. Defaults become the BPU non-fatal rate with medical care plus cash benefits at
//!   the declared income; figures a user entered are kept as non-fatal care.
//! - **UCJ counts the programme's members once.** `workforce.programme_in_bpu` says how many
//!   of the reported BPU members are the programme's own; migrated files take the starting
//!   members (up to the BPU count), because BPJS TK's BPU figure contains them.
//! - **Declared income is a BPU bracket.** An income that is not one becomes the bracket
//!   whose range holds it.
//! - New fields that make version 1's fixed assumptions editable keep their values:
//!   `coverage.start_tenure_months` 12, S-curve `steepness` 8, and version 1's budget-cap
//!   enrolment (`FillEachYear`, cutting a share of every group: `ShareOfAll`); new plans
//!   enrol sustainably and cut the newest members first.
//! - **Age-band shares as given.** Version 1 scaled each band's share by the part of it
//!   inside the enrolment ages; the shares already describe the members, so they now count as
//!   given, and bands may leave no age out.
//! - **School continuation.** Version 1 sent every child through SMA; the BPS continuation
//!   rates of the poorest quintile (SD→SMP 90%, SMP→SMA 77%) apply.
//! - Model corrections that need no file change (share of APBD on the total row, a budget cap
//!   meaning the region's own APBD, the 2-children cap applied to a distribution of children)
//!   apply to every file.

use super::problem::{Problem, count_arg, number_arg, placed};
use super::v1;
use crate::model::builtin;
use crate::model::defaults;
use crate::model::plan::field::{FieldPath, plan as root};
use crate::model::plan::*;

/// What migrating a file changed.
#[derive(Clone, Debug)]
pub struct Migration {
    /// One note per change, at the field it changed.
    pub notes: Vec<Problem>,
    /// The old file's behaviour written as a current plan, where the current format can
    /// express it: projecting it beside the migrated plan shows how the migration moves the
    /// numbers.
    pub as_before: Plan,
}

/// Version 1 defaults, recognised so that a file that kept them gets the corrected defaults.
const V1_DEATH_RATE: f64 = 1.66;
const V1_WORK_ACCIDENT_SHARE: f64 = 10.0;
const V1_ACCIDENT_RATE: f64 = 4.3;
const V1_ACCIDENT_AVG: i64 = 17_000_000;

/// Migrates a version 1 file. Returns the migrated plan and what changed.
pub fn from_v1(old: v1::Scenario) -> (Plan, Migration) {
    let mut notes = Vec::new();
    let mut note = |path: FieldPath, key: &'static str, args: Vec<(&'static str, String)>| {
        notes.push(Problem::at_field(path, key, args));
    };
    let at = root();
    let v1::Scenario {
        version: _,
        meta,
        horizon,
        direction,
        programme,
        assumptions,
        regions,
        rule_sets,
    } = old;

    let rule_sets: Vec<RuleSet> = rule_sets.into_iter().map(rule_set).collect();
    let meta = self::meta(meta);
    let direction = match direction {
        v1::Direction::CoverageTarget => Direction::CoverageTarget,
        v1::Direction::BudgetCap => Direction::BudgetCap,
    };
    let (assumptions, assumptions_before) = self::assumptions(assumptions, &mut note);

    // The declared income must be a bracket of the rule set's table.
    let mut programme = Programme {
        jht: programme.jht,
        declared_income: sourced(programme.declared_income),
    };
    let table = builtin::resolve_in(&rule_sets, &meta.rule_set).map(builtin::income_brackets);
    if let Some(table) = table
        && !table.rows.is_empty()
        && !table.is_nominal(programme.declared_income.value)
    {
        let old_income = programme.declared_income.value;
        let bracket = crate::model::rules::bracket_for(table, old_income as f64);
        programme.declared_income.value = bracket;
        note(
            at.programme().declared_income().value(),
            "migrate.income_bracket",
            vec![("old", count_arg(old_income)), ("new", count_arg(bracket))],
        );
    }

    let mut regions_now = Vec::with_capacity(regions.len());
    let mut regions_before = Vec::with_capacity(regions.len());
    let mut with_co_payers = false;
    for (i, old) in regions.into_iter().enumerate() {
        let region = self::region(old);
        with_co_payers |= region
            .funding
            .payers
            .iter()
            .any(|p| p.kind != region.level.own_payer());
        let mut before = region.clone();
        before.workforce.programme_in_bpu = 0;
        if region.workforce.programme_in_bpu > 0 {
            note(
                at.region(i).workforce().programme_in_bpu(),
                "migrate.programme_in_bpu",
                vec![("count", count_arg(region.workforce.programme_in_bpu))],
            );
        }
        regions_now.push(region);
        regions_before.push(before);
    }
    if direction == Direction::BudgetCap && with_co_payers {
        note(at.direction(), "migrate.budget_own_apbd", vec![]);
    }
    note(at.regions(), "migrate.v1_assumptions_kept", vec![]);

    let plan = Plan {
        meta,
        horizon: Horizon {
            first_year: horizon.first_year,
            years: horizon.years,
        },
        direction,
        programme,
        assumptions,
        regions: regions_now,
        province_quota: None,
        rule_sets,
    };
    let as_before = Plan {
        assumptions: assumptions_before,
        regions: regions_before,
        ..plan.clone()
    };
    let notes = placed(notes, &plan);
    (plan, Migration { notes, as_before })
}

type Note<'a> = dyn FnMut(FieldPath, &'static str, Vec<(&'static str, String)>) + 'a;

/// The migrated assumptions, and version 1's behaviour written in the current format.
fn assumptions(old: v1::Assumptions, note: &mut Note<'_>) -> (Assumptions, Assumptions) {
    let at = root();
    let v1::Assumptions {
        mortality,
        work_accident_death_pct,
        accident_claims_per_mille,
        accident_claim_avg,
        children_per_member,
        school_mix,
        higher_education_pct,
        jkm_waiting_rule,
        income_growth_pct,
        household_poverty_line,
    } = old;
    let share = (work_accident_death_pct.value / 100.0).clamp(0.0, 1.0);
    let mortality = self::mortality(mortality);
    let defaults = defaults::assumptions();

    // Version 1 took `share` of the deaths out of JKM as work-accident deaths.
    let (jkm_before, v1_rate) = match &mortality {
        Mortality::Flat(rate) => (
            Mortality::Flat(Sourced::new(rate.value * (1.0 - share), &rate.source)),
            Some(rate.value),
        ),
        Mortality::AgeBands(table) => (
            Mortality::AgeBands(AgeBandMortality {
                loading: table.loading * (1.0 - share),
                ..table.clone()
            }),
            None,
        ),
    };
    let v1_default_split =
        v1_rate == Some(V1_DEATH_RATE) && work_accident_death_pct.value == V1_WORK_ACCIDENT_SHARE;
    let jkk_before = Sourced::new(
        v1_rate.unwrap_or(0.0) * share,
        &work_accident_death_pct.source,
    );
    let jkk_deaths = if v1_default_split || v1_rate.is_none() {
        defaults.jkk_deaths_per_mille.clone()
    } else {
        Sourced::new(
            jkk_before.value,
            &format!(
                "{} ({}% dari {} per 1.000 pada berkas versi 1)",
                work_accident_death_pct.source,
                work_accident_death_pct.value,
                v1_rate.unwrap_or(0.0)
            ),
        )
    };
    if share > 0.0 {
        note(
            at.assumptions().mortality().whole(),
            "migrate.jkm_full_rate",
            vec![("share", number_arg(work_accident_death_pct.value))],
        );
    }
    note(
        at.assumptions().jkk_deaths_per_mille().whole(),
        "migrate.jkk_deaths",
        vec![("value", number_arg(jkk_deaths.value))],
    );
    if v1_rate.is_none() {
        note(
            at.assumptions().mortality().whole(),
            "migrate.age_bands_as_given",
            vec![],
        );
    }
    if v1_rate.is_some_and(|r| r != defaults::BPU_JKM_DEATHS_PER_MILLE) {
        note(
            at.assumptions().mortality().value(),
            "migrate.bpu_rate_available",
            vec![("bpu", number_arg(defaults::BPU_JKM_DEATHS_PER_MILLE))],
        );
    }

    let v1_default_accidents = accident_claims_per_mille.value == V1_ACCIDENT_RATE
        && accident_claim_avg.value == V1_ACCIDENT_AVG;
    let care_before = sourced(accident_claim_avg);
    let rate_before = sourced(accident_claims_per_mille);
    let no_cash = Sourced::new(
        0.0,
        "Versi 1: satu rata-rata per klaim, perawatan dan uang tunai digabung",
    );
    let (rate, care, cash) = if v1_default_accidents {
        note(
            at.assumptions().nonfatal_accidents_per_mille().whole(),
            "migrate.accidents_default",
            vec![
                (
                    "rate",
                    number_arg(defaults.nonfatal_accidents_per_mille.value),
                ),
                ("care", count_arg(defaults.accident_care_avg.value)),
                ("months", number_arg(defaults.accident_cash_months.value)),
            ],
        );
        (
            defaults.nonfatal_accidents_per_mille.clone(),
            defaults.accident_care_avg.clone(),
            defaults.accident_cash_months.clone(),
        )
    } else {
        note(
            at.assumptions().nonfatal_accidents_per_mille().whole(),
            "migrate.accidents_kept",
            vec![],
        );
        (rate_before.clone(), care_before.clone(), no_cash.clone())
    };

    // Version 1 sent every child through SD, SMP and SMA; poor households' children leave
    // school more often (BPS): the sourced continuation rates apply.
    note(
        at.assumptions().continuation_sma_pct().whole(),
        "migrate.continuation",
        vec![
            ("smp", number_arg(defaults.continuation_smp_pct.value)),
            ("sma", number_arg(defaults.continuation_sma_pct.value)),
        ],
    );
    // Version 1 kept every member for ever: members now grow older and leave at the upper age.
    note(at.regions(), "migrate.ageing", vec![]);
    let all_continue = || Sourced::new(100.0, "Versi 1: semua anak melanjutkan sampai SMA");
    let rest = |mortality, jkk_deaths_per_mille, rate, care, cash, smp, sma| Assumptions {
        mortality,
        jkk_deaths_per_mille,
        nonfatal_accidents_per_mille: rate,
        accident_care_avg: care,
        accident_cash_months: cash,
        children_per_member: sourced(children_per_member.clone()),
        school_mix: Sourced::new(
            SchoolMix {
                tk: school_mix.value.tk,
                sd: school_mix.value.sd,
                smp: school_mix.value.smp,
                sma: school_mix.value.sma,
                pt: school_mix.value.pt,
            },
            &school_mix.source,
        ),
        continuation_smp_pct: smp,
        continuation_sma_pct: sma,
        higher_education_pct: sourced(higher_education_pct.clone()),
        jkm_waiting_rule: sourced(jkm_waiting_rule.clone()),
        income_growth_pct: sourced(income_growth_pct.clone()),
        household_poverty_line: sourced(household_poverty_line.clone()),
        observed_deaths: None,
    };
    let now = rest(
        mortality,
        jkk_deaths,
        rate,
        care,
        cash,
        defaults.continuation_smp_pct.clone(),
        defaults.continuation_sma_pct.clone(),
    );
    let before = rest(
        jkm_before,
        jkk_before,
        rate_before,
        care_before,
        no_cash,
        all_continue(),
        all_continue(),
    );
    (now, before)
}

fn sourced<T>(old: v1::Sourced<T>) -> Sourced<T> {
    Sourced {
        value: old.value,
        source: old.source,
    }
}

fn meta(old: v1::Meta) -> Meta {
    let v1::Meta {
        title,
        author,
        region_name,
        level: old_level,
        code,
        notes,
        rule_set,
        apbd,
        ucj_target,
    } = old;
    Meta {
        title,
        author,
        region_name,
        level: level(old_level),
        code,
        notes,
        rule_set,
        apbd: apbd.map(self::apbd),
        ucj_target: ucj_target.map(sourced),
    }
}

fn level(old: v1::Level) -> Level {
    match old {
        v1::Level::Provinsi => Level::Provinsi,
        v1::Level::Kabupaten => Level::Kabupaten,
        v1::Level::Kota => Level::Kota,
    }
}

fn apbd(old: v1::Apbd) -> Apbd {
    Apbd {
        total: old.total,
        growth_pct: old.growth_pct,
        source: old.source,
        base_year: None,
    }
}

fn mortality(old: v1::Mortality) -> Mortality {
    match old {
        v1::Mortality::Flat(rate) => Mortality::Flat(sourced(rate)),
        v1::Mortality::AgeBands(table) => Mortality::AgeBands(AgeBandMortality {
            loading: table.loading,
            male_pct: table.male_pct,
            bands: table
                .bands
                .into_iter()
                .map(|b| {
                    AgeBand::new(
                        b.from,
                        b.to,
                        b.share_pct,
                        b.male_per_mille,
                        b.female_per_mille,
                    )
                })
                .collect(),
            source: table.source,
        }),
    }
}

fn region(old: v1::Region) -> Region {
    let v1::Region {
        name,
        level: old_level,
        code,
        workforce,
        pool,
        coverage,
        budget,
        funding,
    } = old;
    // BPJS TK's BPU figure contains the members a Pemda already pays for: the programme's
    // starting members, as far as the BPU count goes.
    let starting = (coverage.start_pct / 100.0 * pool.count as f64).round() as i64;
    let programme_in_bpu = starting.clamp(0, workforce.covered_bpu.max(0));
    Region {
        name,
        level: level(old_level),
        code,
        workforce: Workforce {
            employed: workforce.employed,
            employed_growth_pct: workforce.employed_growth_pct,
            covered_pu: workforce.covered_pu,
            covered_bpu: workforce.covered_bpu,
            programme_in_bpu,
            covered_jakon: workforce.covered_jakon,
            covered_growth_pct: workforce.covered_growth_pct,
            source: workforce.source,
            base_year: None,
        },
        pool: Pool {
            count: pool.count,
            growth_pct: pool.growth_pct,
            age_min: pool.age_min,
            age_max: pool.age_max,
            source: pool.source,
            base_year: None,
        },
        coverage: Coverage {
            start_pct: coverage.start_pct,
            start_tenure_months: defaults::START_TENURE_MONTHS,
            path: match coverage.path {
                v1::CoveragePath::Ramp { target_pct } => CoveragePath::Ramp { target_pct },
                v1::CoveragePath::SCurve { target_pct } => CoveragePath::SCurve {
                    target_pct,
                    steepness: defaults::S_CURVE_STEEPNESS,
                },
                v1::CoveragePath::PerYear(values) => CoveragePath::PerYear(values),
            },
            waves: coverage
                .waves
                .into_iter()
                .map(|w| Wave {
                    month: w.month,
                    share_pct: w.share_pct,
                    until_month: None,
                })
                .collect(),
            // Version 1 filled each year's budget and cut a share of every group: a
            // legitimate choice, kept.
            enrolment: Enrolment::FillEachYear,
            cut: CutRule::ShareOfAll,
            paid_until_month: None,
        },
        budget: match budget {
            v1::Budget::Growing { amount, growth_pct } => Budget::Growing { amount, growth_pct },
            v1::Budget::PerYear(values) => Budget::PerYear(values),
        },
        funding: Funding {
            payers: funding
                .payers
                .into_iter()
                .map(|p| Payer {
                    kind: payer_kind(p.kind),
                    basis: match p.basis {
                        v1::Basis::Share(pct) => Basis::Share(pct),
                        v1::Basis::Amount(amount) => Basis::Amount(amount),
                        v1::Basis::Workers(count) => Basis::Workers(count),
                    },
                    source: p.source,
                })
                .collect(),
            residual: payer_kind(funding.residual),
            apbd: funding.apbd.map(apbd),
        },
    }
}

fn payer_kind(old: v1::PayerKind) -> PayerKind {
    match old {
        v1::PayerKind::ApbdKabKota => PayerKind::ApbdKabKota,
        v1::PayerKind::ApbdProvinsi => PayerKind::ApbdProvinsi,
        v1::PayerKind::ApbDesa => PayerKind::ApbDesa,
        v1::PayerKind::DbhCht => PayerKind::DbhCht,
        v1::PayerKind::Csr => PayerKind::Csr,
        v1::PayerKind::Baznas => PayerKind::Baznas,
        v1::PayerKind::Lainnya => PayerKind::Lainnya,
    }
}

fn rule_set(old: v1::RuleSet) -> RuleSet {
    let stage = |s: v1::SchoolStage| SchoolStage {
        per_year: s.per_year,
        years: s.years,
    };
    RuleSet {
        id: old.id,
        title: old.title,
        source: old.source,
        income_brackets: None,
        periods: old
            .periods
            .into_iter()
            .map(|p| RulePeriod {
                from: YearMonth {
                    year: p.from.year,
                    month: p.from.month,
                },
                note: p.note,
                jkk_pct: p.jkk_pct,
                jkm_per_month: p.jkm_per_month,
                jht_pct: p.jht_pct,
                jkm_death_benefit: p.jkm_death_benefit,
                funeral_benefit: p.funeral_benefit,
                jkm_waiting_months: p.jkm_waiting_months,
                jkk_death_income_multiple: p.jkk_death_income_multiple,
                jkk_death_extra: p.jkk_death_extra,
                scholarship: ScholarshipRule {
                    max_children: p.scholarship.max_children,
                    jkm_min_membership_months: p.scholarship.jkm_min_membership_months,
                    tk: stage(p.scholarship.tk),
                    sd: stage(p.scholarship.sd),
                    smp: stage(p.scholarship.smp),
                    sma: stage(p.scholarship.sma),
                    pt: stage(p.scholarship.pt),
                    lump_sum: 0,
                },
            })
            .collect(),
    }
}
