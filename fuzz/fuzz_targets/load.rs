//! Loading a scenario end to end: parse (any version), validate, project year by year and
//! month by month, write the table (both languages) and the CSV, and write the plan back as
//! `fmt` does, which must read back as the same plan.
//!
//! Two kinds of input. Text (anything starting with an ASCII byte, like every scenario file,
//! so the seeds are the bundled examples and the fixtures) is read as a file. Otherwise the
//! bytes choose a bundled example and a list of edits ([`Edit`]) that reach every variant of the
//! plan (age bands, scenario rule sets with income tables, province quotas, payers by share,
//! amount and quota, budget caps, waves …) with values anywhere, the limits included, so that
//! the fuzzer explores the model and not only the parser.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use lindung::cli::{TableColumn, table_text, write_csv};
use lindung::i18n::Lang;
use lindung::model::plan::{
    AgeBand, AgeBandMortality, Basis, Budget, CoveragePath, CutRule, Direction, Enrolment,
    IncomeBracket, IncomeBrackets, Mortality, ObservedDeaths, Payer, PayerKind, Plan,
    ProvinceQuota, QuotaSplit, RulePeriod, RuleSet, ScholarshipRule, SchoolStage, Sourced, Wave,
    YearMonth,
};
use lindung::scenario;

const EXAMPLES: [&str; 3] = [
    include_str!("../../scenarios/palu-2026.ron"),
    include_str!("../../scenarios/sulteng-2026.ron"),
    include_str!("../../scenarios/sigi-anggaran-2026.ron"),
];

/// The bundled examples, read once (not on every run: the Sulteng file is 68 KB).
fn examples() -> &'static [Plan] {
    static PLANS: std::sync::OnceLock<Vec<Plan>> = std::sync::OnceLock::new();
    PLANS.get_or_init(|| {
        EXAMPLES
            .iter()
            .enumerate()
            .map(|(which, text)| match scenario::parse(text) {
                Ok(loaded) => loaded.plan,
                Err(_) => panic!("bundled example {which} does not parse"),
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    match data.first() {
        Some(first) if first.is_ascii() => {
            if let Ok(text) = std::str::from_utf8(data) {
                from_text(text, data.len());
            }
        }
        Some(_) => from_edits(&data[1..]),
        None => {}
    }
});

fn from_text(text: &str, pick: usize) {
    match scenario::parse(text) {
        Ok(loaded) => whole(&loaded.plan, pick),
        Err(problems) => {
            for problem in &problems {
                for lang in Lang::ALL {
                    let _ = problem.render("berkas.ron", lang);
                }
            }
        }
    }
}

fn from_edits(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(which) = u.int_in_range(0..=EXAMPLES.len() - 1) else {
        return;
    };
    let mut plan = examples()[which].clone();
    let Ok(edits) = Vec::<Edit>::arbitrary(&mut u) else {
        return;
    };
    for edit in edits.into_iter().take(32) {
        edit.apply(&mut plan);
    }
    whole(&plan, data.len());
}

/// Everything Lindung does with a plan; a problem list for an invalid one. `pick` (any number
/// taken from the input) chooses the language of the full table.
fn whole(plan: &Plan, pick: usize) {
    let problems = scenario::validate(plan);
    for problem in &problems {
        for lang in Lang::ALL {
            let _ = problem.render("berkas.ron", lang);
        }
    }
    for warning in scenario::suspicious(plan) {
        let _ = warning.render("berkas.ron", Lang::Id);
    }
    if !problems.is_empty() {
        return;
    }
    let projection = match scenario::evaluate(plan) {
        Ok(projection) => projection,
        // A valid plan the model refuses (a message, not a crash).
        Err(_) => return,
    };
    for row in projection
        .total
        .iter()
        .chain(projection.regions.iter().flat_map(|r| &r.years))
    {
        assert!(row.cost_total >= 0, "negative cost {row:?}");
        assert!(
            row.cost_by_payer.iter().all(|c| *c >= 0),
            "negative payer {row:?}"
        );
        assert!(
            row.deaths_expected.is_finite() && row.deaths_expected >= 0.0,
            "{row:?}"
        );
        assert!(row.benefits_paid().is_finite(), "{row:?}");
    }
    if plan.regions.len() <= 20 {
        let _ = scenario::evaluate_months(plan);
    }
    // The table of every region in one language, and of one region in the other: the two
    // share every path but their words and number style, and which is which changes from
    // input to input. Every region in both languages made the table 60% of a run's time.
    let (full, one) = (Lang::ALL[pick % 2], Lang::ALL[(pick + 1) % 2]);
    let _ = table_text(plan, &projection, None, &[TableColumn::All], full);
    let region = (!plan.regions.is_empty()).then(|| pick % plan.regions.len());
    let _ = table_text(plan, &projection, region, &[TableColumn::All], one);
    let mut csv = Vec::new();
    write_csv(&projection, &mut csv).expect("CSV to memory");
    // `fmt`: written and read back, the same plan.
    let text = scenario::to_ron_string(plan).expect("a valid plan is written");
    let again = scenario::parse(&text).expect("Lindung reads what it writes");
    assert_eq!(&again.plan, plan, "round trip changed the plan:\n{text}");
}

/// One change to a plan; region numbers wrap around the plan's regions.
#[derive(Arbitrary, Debug)]
enum Edit {
    Years(u32),
    FirstYear(i32),
    BudgetCap(bool),
    Jht(bool),
    Income(i64, f64),
    PoolCount(u8, i64),
    PoolGrowth(u8, f64),
    Ages(u8, u32, u32),
    Start(u8, f64, u32),
    Ramp(u8, f64),
    SCurve(u8, f64, f64),
    PerYearPath(u8, Vec<f64>),
    Waves(u8, Vec<(u32, f64, Option<u32>)>),
    PaidUntil(u8, Option<u32>),
    Budget(u8, i64, f64),
    BudgetPerYear(u8, Vec<i64>),
    Payer(u8, u8, PayerBasis),
    NoPayers(u8),
    Enrolment(u8, bool, bool),
    Workforce(u8, i64, i64, i64, f64),
    Quota(u8, i64, Option<Vec<i64>>),
    AgeBands(Vec<(u32, u32, f64, f64, f64)>, f64, f64),
    FlatDeaths(f64),
    Accidents(f64, f64, i64, f64),
    Children(f64, f64, f64),
    Observed(i64, f64, f64, i32, u32, i32, u32),
    RuleSet(RuleInput),
    DuplicateRegion(u8),
    RemoveRegion(u8),
}

#[derive(Arbitrary, Debug)]
enum PayerBasis {
    Share(f64),
    Amount(i64),
    Workers(i64),
}

#[derive(Arbitrary, Debug)]
struct RuleInput {
    from: (i32, u32),
    jkk_pct: f64,
    jht_pct: f64,
    jkm: i64,
    death_benefit: i64,
    funeral: i64,
    waiting: u32,
    multiple: i64,
    extra: i64,
    children: u32,
    scholarship: (i64, u32),
    brackets: Option<Vec<(i64, i64)>>,
    second_period: Option<(i32, u32, f64)>,
}

impl Edit {
    fn apply(self, plan: &mut Plan) {
        let count = plan.regions.len();
        let region = |i: u8| (count > 0).then(|| usize::from(i) % count);
        match self {
            Edit::Years(years) => plan.horizon.years = years % 40,
            Edit::FirstYear(year) => plan.horizon.first_year = 2000 + year.rem_euclid(120),
            Edit::BudgetCap(cap) => {
                plan.direction = if cap {
                    Direction::BudgetCap
                } else {
                    Direction::CoverageTarget
                }
            }
            Edit::Jht(jht) => plan.programme.jht = jht,
            Edit::Income(income, growth) => {
                plan.programme.declared_income.value = income;
                plan.assumptions.income_growth_pct.value = growth;
            }
            Edit::DuplicateRegion(i) => {
                if let Some(r) = region(i) {
                    let copy = plan.regions[r].clone();
                    plan.regions.push(copy);
                }
            }
            Edit::RemoveRegion(i) => {
                if let Some(r) = region(i) {
                    plan.regions.remove(r);
                }
            }
            Edit::AgeBands(bands, loading, male) => {
                plan.assumptions.mortality = Mortality::AgeBands(AgeBandMortality {
                    loading,
                    male_pct: male,
                    bands: bands
                        .into_iter()
                        .take(130)
                        .map(
                            |(from, to, share_pct, male_per_mille, female_per_mille)| AgeBand {
                                from,
                                to,
                                share_pct,
                                male_per_mille,
                                female_per_mille,
                            },
                        )
                        .collect(),
                    source: String::new(),
                });
            }
            Edit::FlatDeaths(rate) => {
                plan.assumptions.mortality = Mortality::Flat(Sourced::new(rate, ""))
            }
            Edit::Accidents(jkk, nonfatal, care, cash) => {
                let a = &mut plan.assumptions;
                a.jkk_deaths_per_mille.value = jkk;
                a.nonfatal_accidents_per_mille.value = nonfatal;
                a.accident_care_avg.value = care;
                a.accident_cash_months.value = cash;
            }
            Edit::Children(children, smp, sma) => {
                let a = &mut plan.assumptions;
                a.children_per_member.value = children;
                a.continuation_smp_pct.value = smp;
                a.continuation_sma_pct.value = sma;
            }
            Edit::Observed(
                deaths,
                member_years,
                prior,
                from_year,
                from_month,
                to_year,
                to_month,
            ) => {
                plan.assumptions.observed_deaths = Some(ObservedDeaths {
                    deaths,
                    member_years,
                    from: YearMonth {
                        year: from_year,
                        month: from_month,
                    },
                    to: YearMonth {
                        year: to_year,
                        month: to_month,
                    },
                    prior_member_years: prior,
                    source: String::new(),
                });
            }
            Edit::RuleSet(input) => input.apply(plan),
            Edit::Quota(payer, workers, split) => {
                plan.province_quota = Some(ProvinceQuota {
                    payer: PayerKind::ALL[usize::from(payer) % PayerKind::ALL.len()],
                    workers,
                    split: split.map_or(QuotaSplit::ByPool, |s| {
                        QuotaSplit::Explicit(s.into_iter().take(1100).collect())
                    }),
                    source: String::new(),
                });
            }
            regional => {
                let Some(r) = region(regional.region()) else {
                    return;
                };
                regional.apply_to_region(&mut plan.regions[r]);
            }
        }
    }

    fn region(&self) -> u8 {
        match self {
            Edit::PoolCount(i, ..)
            | Edit::PoolGrowth(i, ..)
            | Edit::Ages(i, ..)
            | Edit::Start(i, ..)
            | Edit::Ramp(i, ..)
            | Edit::SCurve(i, ..)
            | Edit::PerYearPath(i, ..)
            | Edit::Waves(i, ..)
            | Edit::PaidUntil(i, ..)
            | Edit::Budget(i, ..)
            | Edit::BudgetPerYear(i, ..)
            | Edit::Payer(i, ..)
            | Edit::NoPayers(i)
            | Edit::Enrolment(i, ..)
            | Edit::Workforce(i, ..) => *i,
            _ => 0,
        }
    }

    fn apply_to_region(self, r: &mut lindung::model::plan::Region) {
        match self {
            Edit::PoolCount(_, count) => r.pool.count = count,
            Edit::PoolGrowth(_, growth) => r.pool.growth_pct = growth,
            Edit::Ages(_, min, max) => {
                r.pool.age_min = min;
                r.pool.age_max = max;
            }
            Edit::Start(_, pct, tenure) => {
                r.coverage.start_pct = pct;
                r.coverage.start_tenure_months = tenure;
            }
            Edit::Ramp(_, target_pct) => r.coverage.path = CoveragePath::Ramp { target_pct },
            Edit::SCurve(_, target_pct, steepness) => {
                r.coverage.path = CoveragePath::SCurve {
                    target_pct,
                    steepness,
                }
            }
            Edit::PerYearPath(_, values) => {
                r.coverage.path = CoveragePath::PerYear(values.into_iter().take(40).collect())
            }
            Edit::Waves(_, waves) => {
                r.coverage.waves = waves
                    .into_iter()
                    .take(16)
                    .map(|(month, share_pct, until_month)| Wave {
                        month,
                        share_pct,
                        until_month,
                    })
                    .collect();
            }
            Edit::PaidUntil(_, month) => r.coverage.paid_until_month = month,
            Edit::Budget(_, amount, growth_pct) => {
                r.budget = Budget::Growing { amount, growth_pct }
            }
            Edit::BudgetPerYear(_, values) => {
                r.budget = Budget::PerYear(values.into_iter().take(40).collect())
            }
            Edit::Payer(_, kind, basis) => r.funding.payers.push(Payer {
                kind: PayerKind::ALL[usize::from(kind) % PayerKind::ALL.len()],
                basis: match basis {
                    PayerBasis::Share(pct) => Basis::Share(pct),
                    PayerBasis::Amount(amount) => Basis::Amount(amount),
                    PayerBasis::Workers(workers) => Basis::Workers(workers),
                },
                source: String::new(),
            }),
            Edit::NoPayers(_) => r.funding.payers.clear(),
            Edit::Enrolment(_, sustainable, newest_first) => {
                r.coverage.enrolment = if sustainable {
                    Enrolment::Sustainable
                } else {
                    Enrolment::FillEachYear
                };
                r.coverage.cut = if newest_first {
                    CutRule::NewestFirst
                } else {
                    CutRule::ShareOfAll
                };
            }
            Edit::Workforce(_, employed, bpu, in_bpu, growth) => {
                r.workforce.employed = employed;
                r.workforce.covered_bpu = bpu;
                r.workforce.programme_in_bpu = in_bpu;
                r.workforce.employed_growth_pct = growth;
            }
            _ => {}
        }
    }
}

impl RuleInput {
    fn apply(self, plan: &mut Plan) {
        let stage = |(per_year, years): (i64, u32)| SchoolStage { per_year, years };
        let period = |from: (i32, u32), jkk_pct: f64| RulePeriod {
            from: YearMonth {
                year: from.0,
                month: from.1,
            },
            note: String::new(),
            jkk_pct,
            jkm_per_month: self.jkm,
            jht_pct: self.jht_pct,
            jkm_death_benefit: self.death_benefit,
            funeral_benefit: self.funeral,
            jkm_waiting_months: self.waiting,
            jkk_death_income_multiple: self.multiple,
            jkk_death_extra: self.extra,
            scholarship: ScholarshipRule {
                max_children: self.children,
                jkm_min_membership_months: self.waiting,
                tk: stage(self.scholarship),
                sd: stage(self.scholarship),
                smp: stage(self.scholarship),
                sma: stage(self.scholarship),
                pt: stage(self.scholarship),
                lump_sum: self.scholarship.0,
            },
        };
        let mut periods = vec![period(self.from, self.jkk_pct)];
        if let Some((year, month, jkk)) = self.second_period {
            periods.push(period((year, month), jkk));
        }
        plan.rule_sets.push(RuleSet {
            id: "uji".to_owned(),
            title: "uji".to_owned(),
            source: String::new(),
            income_brackets: self.brackets.map(|rows| IncomeBrackets {
                rows: rows
                    .into_iter()
                    .take(250)
                    .map(|(from, nominal)| IncomeBracket { from, nominal })
                    .collect(),
                source: String::new(),
            }),
            periods,
        });
        plan.meta.rule_set = "uji".to_owned();
    }
}
