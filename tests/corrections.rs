//! Regression tests for the model corrections of format version 2, each worked out by hand
//! from the regulation and the stated inputs (arithmetic in the comments).

use lindung::model::defaults::{new_plan, region};
use lindung::model::plan::field::plan as root;
use lindung::model::plan::{
    AgeBand, AgeBandMortality, Apbd, Basis, Budget, CoveragePath, Direction, Enrolment, Level,
    Mortality, Payer, PayerKind, Plan, Sourced, Wave,
};
use lindung::model::{ApbdBasis, Projection};
use lindung::scenario::{Location, evaluate, validate};

/// One kabupaten, `pool` workers all enrolled from January of the first year, no deaths,
/// no accidents, no growth.
fn plan(pool: i64, years: u32) -> Plan {
    let mut s = new_plan(2026);
    s.horizon.years = years;
    s.meta.code = "72.10".into();
    let mut r = region("Kab. Sigi", Level::Kabupaten, "72.10");
    r.pool.count = pool;
    r.coverage.path = CoveragePath::PerYear(vec![100.0; years as usize]);
    r.coverage.waves = vec![Wave {
        month: 1,
        share_pct: 100.0,
        until_month: None,
    }];
    s.regions = vec![r];
    let a = &mut s.assumptions;
    a.mortality = Mortality::Flat(Sourced::new(0.0, "test"));
    a.jkk_deaths_per_mille.value = 0.0;
    a.nonfatal_accidents_per_mille.value = 0.0;
    a.jkm_waiting_rule.value = false;
    a.children_per_member.value = 0.0;
    s
}

fn run(s: &Plan) -> Projection {
    match evaluate(s) {
        Ok(p) => p,
        Err(problems) => panic!("{problems:?}"),
    }
}

fn payer(kind: PayerKind, basis: Basis) -> Payer {
    Payer {
        kind,
        basis,
        source: String::new(),
    }
}

fn apbd(total: i64) -> Option<Apbd> {
    Some(Apbd {
        total,
        growth_pct: 0.0,
        source: String::new(),
        base_year: None,
    })
}

#[test]
fn total_share_of_apbd_counts_the_same_regions_on_both_sides() {
    // Region A: 1.000 workers × Rp201.600 = Rp201.600.000 against its APBD of Rp100 miliar.
    // Region B: 2.000 workers × Rp201.600 = Rp403.200.000, no APBD given.
    // Without the owner's APBD the total compares A's cost with A's APBD only:
    // 201.600.000 / 100.000.000.000 = 0,2016% (not (201,6 + 403,2) juta / 100 miliar = 0,6048%).
    let mut s = plan(1_000, 1);
    s.regions[0].funding.apbd = apbd(100_000_000_000);
    let mut b = s.regions[0].clone();
    b.pool.count = 2_000;
    b.funding.apbd = None;
    s.regions.push(b);
    let p = run(&s);
    let share = p.total[0].apbd_share_pct().unwrap_or(f64::NAN);
    assert!((share - 0.2016).abs() < 1e-12, "{share}");
    assert_eq!(
        p.apbd_basis,
        ApbdBasis::Regions {
            with_apbd: 1,
            of: 2
        }
    );
    // With the owner's APBD (Rp200 miliar) every region's own-payer cost counts:
    // 604.800.000 / 200.000.000.000 = 0,3024%.
    s.meta.apbd = apbd(200_000_000_000);
    let p = run(&s);
    let share = p.total[0].apbd_share_pct().unwrap_or(f64::NAN);
    assert!((share - 0.3024).abs() < 1e-12, "{share}");
    assert_eq!(p.apbd_basis, ApbdBasis::Owner);
}

#[test]
fn declared_income_must_be_a_bracket() {
    // Rp500.000 is below the lowest BPU bracket (Rp1.000.000, JKK Rp10.000).
    let mut s = plan(100, 1);
    s.programme.declared_income.value = 500_000;
    let problems = validate(&s);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].location,
        Location::Field(root().programme().declared_income().value())
    );
    assert_eq!(problems[0].key, "problem.not_a_bracket");
    // Rp1.250.000 lies inside the Rp1.100.000–1.299.999 range, whose nominal is Rp1.200.000:
    // not itself a bracket either.
    s.programme.declared_income.value = 1_250_000;
    assert_eq!(validate(&s).len(), 1);
    s.programme.declared_income.value = 1_200_000;
    assert!(validate(&s).is_empty());
}

#[test]
fn growing_income_steps_through_brackets_and_splits_by_programme() {
    // Rp1.000.000 growing 10% a year: 2026 Rp1.000.000 (bracket Rp1.000.000, JKK Rp10.000);
    // 2027 Rp1.100.000 → the Rp1.100.000–1.299.999 range, declared Rp1.200.000 (JKK
    // Rp12.000); 2028 Rp1.210.000 → still Rp1.200.000.
    // 100 workers all year: 2026 100 × (10.000 + 6.800) × 12 = Rp20.160.000;
    // 2027 and 2028 100 × (12.000 + 6.800) × 12 = Rp22.560.000.
    let mut s = plan(100, 3);
    s.assumptions.income_growth_pct.value = 10.0;
    let p = run(&s);
    assert_eq!(p.income_by_year, vec![1_000_000, 1_200_000, 1_200_000]);
    let costs: Vec<i64> = p.total.iter().map(|y| y.cost_total).collect();
    assert_eq!(costs, vec![20_160_000, 22_560_000, 22_560_000]);
    // By programme in 2027: JKK 100 × 12.000 × 12 = Rp14.400.000, JKM 100 × 6.800 × 12 =
    // Rp8.160.000, no JHT; with JHT (2% of Rp1.200.000 = Rp24.000 a month) Rp28.800.000.
    let y = &p.total[1];
    assert_eq!(
        (y.cost_jkk, y.cost_jkm, y.cost_jht),
        (14_400_000, 8_160_000, 0)
    );
    s.programme.jht = true;
    let y = &run(&s).total[1];
    assert_eq!(y.cost_jht, 28_800_000);
    assert_eq!(y.cost_total, 14_400_000 + 8_160_000 + 28_800_000);
}

#[test]
fn jkk_deaths_come_on_top_of_the_full_jkm_rate() {
    // 1.000 members all year, JKM deaths 12 per 1.000 (1 a month) and work-accident deaths
    // 1,2 per 1.000: 12 JKM deaths (none taken out of JKM) + 1,2 JKK deaths = 13,2.
    // Benefits (3-month rule off): 12 × Rp42 juta + 1,2 × Rp70 juta = 504 + 84 = Rp588 juta.
    let mut s = plan(1_000, 1);
    s.assumptions.mortality = Mortality::Flat(Sourced::new(12.0, "test"));
    s.assumptions.jkk_deaths_per_mille.value = 1.2;
    let y = &run(&s).total[0];
    assert!((y.jkm_deaths - 12.0).abs() < 1e-9, "{}", y.jkm_deaths);
    assert!((y.jkk_deaths - 1.2).abs() < 1e-9);
    assert!((y.deaths_expected - 13.2).abs() < 1e-9);
    assert!((y.death_benefits - 588_000_000.0).abs() < 1e-3);
}

#[test]
fn non_fatal_accidents_pay_care_and_cash_at_the_declared_income() {
    // 1.000 members all year, 12 non-fatal claims per 1.000: 12 claims, each Rp7 juta of care
    // plus 1 month of declared income. At Rp1.000.000: 12 × 8 juta = Rp96 juta; at the
    // Rp2.000.000 bracket: 12 × (7 + 2) juta = Rp108 juta. No deaths among them.
    let mut s = plan(1_000, 1);
    s.assumptions.nonfatal_accidents_per_mille.value = 12.0;
    s.assumptions.accident_care_avg.value = 7_000_000;
    s.assumptions.accident_cash_months.value = 1.0;
    let y = &run(&s).total[0];
    assert!((y.accident_claims - 12.0).abs() < 1e-9);
    assert!((y.accident_benefits - 96_000_000.0).abs() < 1e-3);
    assert_eq!(y.deaths_expected, 0.0);
    s.programme.declared_income.value = 2_000_000;
    let y = &run(&s).total[0];
    assert!((y.accident_benefits - 108_000_000.0).abs() < 1e-3);
}

#[test]
fn ucj_counts_the_programmes_bpu_members_once() {
    // Employed 100.000; PU 20.000, BPU 7.000 of which 5.000 are this programme's starting
    // members, Jakon 3.000; the programme keeps its 5.000 members:
    // (20.000 + (7.000 − 5.000) + 3.000 + 5.000) / 100.000 = 30% (not 35%).
    let mut s = plan(5_000, 1);
    s.regions[0].coverage.start_pct = 100.0;
    let w = &mut s.regions[0].workforce;
    w.employed = 100_000;
    w.covered_pu = 20_000;
    w.covered_bpu = 7_000;
    w.programme_in_bpu = 5_000;
    w.covered_jakon = 3_000;
    let y = &run(&s).total[0];
    assert!((y.ucj_pct() - 30.0).abs() < 1e-9, "{}", y.ucj_pct());
    // More programme members in the BPU figure than BPU members is refused.
    s.regions[0].workforce.programme_in_bpu = 7_001;
    let problems = validate(&s);
    assert_eq!(
        problems[0].location,
        Location::Field(root().region(0).workforce().programme_in_bpu())
    );
}

#[test]
fn a_budget_cap_is_the_regions_own_apbd_and_co_payers_come_on_top() {
    // The kabupaten puts in Rp3 miliar; the province pays 50% on top. The total can reach
    // Rp6 miliar: 6.000.000.000 / 201.600 = 29.761,9 → 29.761 workers, costing
    // 29.761 × 201.600 = Rp5.999.817.600, of which the kabupaten pays half, Rp2.999.908.800;
    // one more (29.762 × 201.600 = Rp6.000.019.200) would need Rp3.000.009.600 of its own.
    let mut s = plan(100_000, 1);
    s.direction = Direction::BudgetCap;
    s.regions[0].budget = Budget::Growing {
        amount: 3_000_000_000,
        growth_pct: 0.0,
    };
    s.regions[0].funding.payers = vec![payer(PayerKind::ApbdProvinsi, Basis::Share(50.0))];
    let y = &run(&s).total[0];
    assert_eq!(y.enrolled_end, 29_761);
    assert_eq!(y.cost_total, 5_999_817_600);
    assert_eq!(y.cost_of(PayerKind::ApbdKabKota), 2_999_908_800);
    assert_eq!(y.cost_of(PayerKind::ApbdProvinsi), 2_999_908_800);
    // What is left of the budget is the budget less the kabupaten's own part:
    // 3.000.000.000 − 2.999.908.800 = Rp91.200 (not less the whole cost, which is more than
    // the budget because the province pays on top).
    assert_eq!(y.own_cost, 2_999_908_800);
    assert_eq!(y.unspent(), Some(91_200));
    // A fixed CSR amount also comes on top: Rp3 miliar + Rp201.600.000 (1.000 worker-years)
    // without the province = 3.201.600.000 / 201.600 = 15.880,95 → 15.880 workers.
    s.regions[0].funding.payers = vec![payer(PayerKind::Csr, Basis::Amount(201_600_000))];
    assert_eq!(run(&s).total[0].enrolled_end, 15_880);
}

#[test]
fn a_payer_that_cannot_pay_its_share_in_full_is_reported() {
    // 15.000 workers all year cost Rp3.024.000.000; the province's quota of 15.000 workers
    // pays all of it, so the 10% asked of APBDes (Rp302.400.000) cannot be paid.
    let mut s = plan(15_000, 1);
    s.regions[0].funding.payers = vec![
        payer(PayerKind::ApbdProvinsi, Basis::Workers(15_000)),
        payer(PayerKind::ApbDesa, Basis::Share(10.0)),
    ];
    let y = &run(&s).total[0];
    assert_eq!(y.cost_of(PayerKind::ApbdProvinsi), 3_024_000_000);
    assert_eq!(y.cost_of(PayerKind::ApbDesa), 0);
    assert_eq!(y.unpaid_by_payer[PayerKind::ApbDesa.index()], 302_400_000);
    let lines = lindung::format::unpaid_lines(&run(&s), lindung::i18n::Lang::Id);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("Rp302.400.000"), "{}", lines[0]);
}

#[test]
fn starting_members_membership_length_drives_the_three_month_rule() {
    // 1.000 starting members, 1 JKM death per 1.000 a month, 3-month rule on. If they joined
    // just now (0 months), January–March deaths pay only the funeral benefit: 3 × Rp10 juta
    // + 9 × Rp42 juta = Rp408 juta. Joined 12 months before: 12 × Rp42 juta = Rp504 juta.
    let mut s = plan(1_000, 1);
    s.regions[0].coverage.start_pct = 100.0;
    s.assumptions.mortality = Mortality::Flat(Sourced::new(12.0, "test"));
    s.assumptions.jkm_waiting_rule.value = true;
    s.regions[0].coverage.start_tenure_months = 0;
    let y = &run(&s).total[0];
    assert!((y.death_benefits - 408_000_000.0).abs() < 1e-3);
    s.regions[0].coverage.start_tenure_months = 12;
    let y = &run(&s).total[0];
    assert!((y.death_benefits - 504_000_000.0).abs() < 1e-3);
}

#[test]
fn benefits_per_rupiah_of_contributions_and_of_own_apbd() {
    // 1.000 members all year, 12 JKM deaths (3-month rule off): benefits 12 × Rp42 juta =
    // Rp504 juta; contributions Rp201.600.000 → Rp2,50 per Rp1; the province pays half, so
    // the kabupaten's own APBD pays Rp100.800.000 → Rp5,00 per Rp1 of own APBD.
    let mut s = plan(1_000, 1);
    s.assumptions.mortality = Mortality::Flat(Sourced::new(12.0, "test"));
    s.regions[0].funding.payers = vec![payer(PayerKind::ApbdProvinsi, Basis::Share(50.0))];
    s.regions[0].funding.apbd = apbd(1_000_000_000_000);
    let y = &run(&s).regions[0].years[0];
    assert!((y.benefits_per_rupiah() - 2.5).abs() < 1e-12);
    let own = y.benefits_per_apbd_rupiah().unwrap_or(f64::NAN);
    assert!((own - 5.0).abs() < 1e-12, "{own}");
}

#[test]
fn sustainable_enrolment_keeps_everyone_it_enrols() {
    // Rp3 miliar a year, new members 70% from January and 30% from September.
    // Filling 2026: N × (0,7 × Rp201.600 + 0,3 × Rp67.200) ≤ Rp3 miliar gives 18.600
    // (13.020 + 5.580: Rp2.999.808.000), but 2027's Rp3 miliar keeps only
    // 3.000.000.000 / 201.600 = 14.880 all year, so 3.720 stop in January 2027.
    // Sustainable: enrol only the 14.880 that 2027 can keep: 10.416 in January
    // (round(0,7 × 14.880)) and 4.464 in September, costing 10.416 × 201.600 +
    // 4.464 × 67.200 = 2.099.865.600 + 299.980.800 = Rp2.399.846.400; 2027 keeps all 14.880
    // for 14.880 × 201.600 = Rp2.999.808.000.
    // Ages 18–65 spread evenly: each January 1/48 of the members pass 65 and leave.
    let mut s = plan(100_000, 2);
    s.direction = Direction::BudgetCap;
    s.regions[0].budget = Budget::Growing {
        amount: 3_000_000_000,
        growth_pct: 0.0,
    };
    s.regions[0].coverage.waves = vec![
        Wave {
            month: 1,
            share_pct: 70.0,
            until_month: None,
        },
        Wave {
            month: 9,
            share_pct: 30.0,
            until_month: None,
        },
    ];
    s.regions[0].coverage.enrolment = Enrolment::FillEachYear;
    let p = run(&s);
    assert_eq!(p.total[0].enrolled_end, 18_600);
    assert_eq!(p.total[0].cost_total, 2_999_808_000);
    // January 2027: 18.600 / 48 = 387,5 → 388 leave at 65; of the 18.212 left, 2027 keeps
    // 14.880 and 3.332 stop.
    assert_eq!(
        (
            p.total[1].enrolled_end,
            p.total[1].enrolled_cut,
            p.total[1].enrolled_aged_out
        ),
        (14_880, 3_332, 388)
    );

    s.regions[0].coverage.enrolment = Enrolment::Sustainable;
    let p = run(&s);
    assert_eq!(p.total[0].enrolled_end, 14_880);
    assert_eq!(p.total[0].cost_total, 2_399_846_400);
    // January 2027: 14.880 / 48 = 310 leave; the 14.570 kept cost 14.570 × 201.600 =
    // Rp2.937.312.000, leaving Rp62.688.000 for new members: 388 fit (272 in January,
    // 116 in September: 54.835.200 + 7.795.200 = Rp62.630.400; 389 would need
    // 272 × 201.600 + 117 × 67.200 = Rp62.697.600). Nobody is cut.
    assert_eq!(
        (
            p.total[1].enrolled_end,
            p.total[1].enrolled_cut,
            p.total[1].enrolled_aged_out,
            p.total[1].enrolled_new
        ),
        (14_958, 0, 310, 388)
    );
    assert_eq!(p.total[1].cost_total, 2_999_942_400);
}

#[test]
fn age_bands_leave_no_age_out_and_hold_only_enrolment_ages() {
    use lindung::model::plan::{AgeBand, AgeBandMortality};
    // 18–40 and 45–65 leave ages 41–44 out: a located problem at the second band.
    let mut s = plan(1_000, 1);
    let table = |bands| {
        Mortality::AgeBands(AgeBandMortality {
            loading: 1.0,
            male_pct: 50.0,
            bands,
            source: String::new(),
        })
    };
    s.assumptions.mortality = table(vec![
        AgeBand::new(18, 40, 60.0, 1.0, 0.5),
        AgeBand::new(45, 65, 40.0, 5.0, 3.0),
    ]);
    let problems = validate(&s);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].location,
        Location::Field(root().assumptions().mortality().band(1).from())
    );
    // Contiguous bands: the rate is the shares as given. Men and women half each:
    // 0,6 × (1,0 + 0,5)/2 + 0,4 × (5,0 + 3,0)/2 = 0,45 + 1,6 = 2,05 per 1.000:
    // 1.000 members all year → 2,05 deaths.
    s.assumptions.mortality = table(vec![
        AgeBand::new(18, 40, 60.0, 1.0, 0.5),
        AgeBand::new(41, 65, 40.0, 5.0, 3.0),
    ]);
    let y = &run(&s).total[0];
    assert!(
        (y.deaths_expected - 2.05).abs() < 1e-9,
        "{}",
        y.deaths_expected
    );
    // A band with members outside the enrolment ages (66–75 for ages 18–65) is refused.
    s.assumptions.mortality = table(vec![
        AgeBand::new(18, 40, 60.0, 1.0, 0.5),
        AgeBand::new(41, 65, 30.0, 5.0, 3.0),
        AgeBand::new(66, 75, 10.0, 20.0, 15.0),
    ]);
    let problems = validate(&s);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].key, "problem.band_outside_ages");
}

#[test]
fn observed_deaths_calibrate_the_jkm_rate() {
    use lindung::model::plan::{ObservedDeaths, YearMonth};
    // Default 2,41 per 1.000 worth 50.000 member-years; a branch report of 30 deaths over
    // 20.000 member-years: (2,41 × 50 + 30) / 70.000 × 1.000 = 150,5 / 70 = 2,15 per 1.000.
    // 1.000 members all year → 2,15 expected JKM deaths (not 2,41).
    let mut s = plan(1_000, 1);
    s.assumptions.mortality = Mortality::Flat(Sourced::new(2.41, "test"));
    s.assumptions.observed_deaths = Some(ObservedDeaths {
        deaths: 30,
        member_years: 20_000.0,
        from: YearMonth {
            year: 2023,
            month: 1,
        },
        to: YearMonth {
            year: 2024,
            month: 12,
        },
        prior_member_years: 50_000.0,
        source: "BPJS TK cabang (test)".into(),
    });
    let p = run(&s);
    assert!(
        (p.total[0].jkm_deaths - 2.15).abs() < 1e-9,
        "{}",
        p.total[0].jkm_deaths
    );
    let Some(c) = p.calibration else {
        panic!("no calibration");
    };
    // The sentence says observed against expected (2,41 × 20 = 48,2) and the rate used.
    let text = lindung::format::calibration_text(&c, lindung::i18n::Lang::Id);
    assert!(text.contains("Kematian teramati: 30"), "{text}");
    assert!(text.contains("48,2"), "{text}");
    assert!(text.contains("2,15 per 1.000"), "{text}");
    // The period must not end before it starts.
    if let Some(o) = s.assumptions.observed_deaths.as_mut() {
        o.to.year = 2022;
    }
    let problems = validate(&s);
    assert_eq!(
        problems[0].location,
        Location::Field(root().assumptions().observed_deaths().to().whole())
    );
}

#[test]
fn a_province_quota_is_split_across_the_regions() {
    use lindung::model::plan::{ProvinceQuota, QuotaSplit};
    // Two kabupaten with pools of 3.000 and 1.000, everyone enrolled all year; the province
    // funds 2.001 workers split by pool: 2.001 × 3/4 = 1.500,75 and 2.001 × 1/4 = 500,25;
    // the one worker left goes to the largest remainder (0,75): 1.501 and 500.
    // Province: 1.501 × Rp201.600 = Rp302.601.600 in the first, 500 × Rp201.600 =
    // Rp100.800.000 in the second; each kabupaten pays the rest: 1.499 × 201.600 =
    // Rp302.198.400 and 500 × 201.600 = Rp100.800.000.
    let mut s = plan(3_000, 1);
    let mut second = s.regions[0].clone();
    second.name = "Kab. Dua".into();
    second.pool.count = 1_000;
    s.regions.push(second);
    s.province_quota = Some(ProvinceQuota {
        payer: PayerKind::ApbdProvinsi,
        workers: 2_001,
        split: QuotaSplit::ByPool,
        source: "Pergub (test)".into(),
    });
    let p = run(&s);
    let (a, b) = (&p.regions[0].years[0], &p.regions[1].years[0]);
    assert_eq!(a.cost_of(PayerKind::ApbdProvinsi), 302_601_600);
    assert_eq!(a.cost_of(PayerKind::ApbdKabKota), 302_198_400);
    assert_eq!(b.cost_of(PayerKind::ApbdProvinsi), 100_800_000);
    assert_eq!(b.cost_of(PayerKind::ApbdKabKota), 100_800_000);
    // The same plan saves and loads unchanged (an optional field of format version 2).
    let text = lindung::scenario::to_ron_string(&s).unwrap_or_default();
    assert!(text.contains("province_quota: Some("));
    match lindung::scenario::parse(&text) {
        Ok(loaded) => assert_eq!(loaded.plan, s),
        Err(problems) => panic!("{problems:?}"),
    }
    // Explicit parts must add up to the quota.
    s.province_quota = Some(ProvinceQuota {
        payer: PayerKind::ApbdProvinsi,
        workers: 2_001,
        split: QuotaSplit::Explicit(vec![2_000, 2]),
        source: String::new(),
    });
    let problems = validate(&s);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].location,
        Location::Field(root().province_quota().split())
    );
    assert_eq!(problems[0].key, "problem.quota_sum");
}

#[test]
fn figures_of_an_earlier_year_are_grown_to_the_first_year() {
    // Pool 10.000 counted in 2024 growing 10% a year: 2026 (the first year) 10.000 × 1,1² =
    // 12.100. Employed 100.000 in 2024 growing 5%: 2026 100.000 × 1,05² = 110.250. APBD
    // Rp1.000 miliar in 2025 (APBD-P) growing 3%: 2026 Rp1.030 miliar.
    let mut s = plan(10_000, 1);
    let r = &mut s.regions[0];
    r.pool.growth_pct = 10.0;
    r.pool.base_year = Some(2024);
    r.workforce.employed = 100_000;
    r.workforce.employed_growth_pct = 5.0;
    r.workforce.base_year = Some(2024);
    r.funding.apbd = Some(Apbd {
        total: 1_000_000_000_000,
        growth_pct: 3.0,
        source: String::new(),
        base_year: Some(2025),
    });
    let y = &run(&s).total[0];
    assert_eq!(y.pool, 12_100);
    assert!((y.employed - 110_250.0).abs() < 1e-6);
    assert!((y.apbd_total.unwrap_or(0.0) - 1_030_000_000_000.0).abs() < 1.0);
    // A year after the first projection year is refused where it is written.
    s.regions[0].pool.base_year = Some(2027);
    let problems = validate(&s);
    assert_eq!(
        problems[0].location,
        Location::Field(root().region(0).pool().base_year())
    );
}

#[test]
fn a_budget_that_ends_in_march_pays_january_to_march() {
    // 1.000 workers from January, paid until March: 1.000 × Rp16.800 × 3 = Rp50.400.000; 3.000
    // member-months = 250 member-years; with 1 JKM death per 1.000 a month, 3 deaths (none
    // in the months nobody is covered). They resume in January of the next year.
    let mut s = plan(1_000, 2);
    s.assumptions.mortality = Mortality::Flat(Sourced::new(12.0, "test"));
    s.regions[0].coverage.paid_until_month = Some(3);
    let p = run(&s);
    for y in &p.total {
        assert_eq!(y.cost_total, 50_400_000);
        assert!((y.member_years - 250.0).abs() < 1e-9);
        assert!((y.deaths_expected - 3.0).abs() < 1e-9);
        assert_eq!(y.enrolled_end, 1_000);
    }
    // The same budget months in the budget direction: Rp3 miliar, Rp50.400 a worker for
    // January–March: 3.000.000.000 / 50.400 = 59.523,8 → 59.523 workers.
    let mut s = plan(100_000, 1);
    s.direction = Direction::BudgetCap;
    s.regions[0].coverage.paid_until_month = Some(3);
    s.regions[0].budget = Budget::Growing {
        amount: 3_000_000_000,
        growth_pct: 0.0,
    };
    let y = &run(&s).total[0];
    assert_eq!(y.enrolled_end, 59_523);
    assert_eq!(y.cost_total, 59_523 * 50_400);
    // A wave starting after the last paid month is refused where it is written.
    s.regions[0].coverage.waves = vec![Wave {
        month: 9,
        share_pct: 100.0,
        until_month: None,
    }];
    let problems = validate(&s);
    assert_eq!(
        problems[0].location,
        Location::Field(root().region(0).coverage().wave(0).month())
    );
}

#[test]
fn a_wave_can_end_in_a_month() {
    // 1.000 new workers: 600 in a January wave paid until March, 400 from July to December.
    // Member-months 600 × 3 + 400 × 6 = 4.200 (350 member-years); cost 4.200 × Rp16.800 =
    // Rp70.560.000; with 12 JKM deaths per 1.000 a year (1 per 1.000 a month), 4,2 deaths.
    // All 1.000 are members at the year's end and are paid from January of the next year,
    // but for the 1.000 / 48 = 20,8 → 21 who pass 65 (ages 18–65 spread evenly); their 21
    // replacements join in the waves: 13 (round(0,6 × 21)) January–March and 8 from July.
    // (979 × 12 + 13 × 3 + 8 × 6) × Rp16.800 = 11.835 × 16.800 = Rp198.828.000.
    let mut s = plan(1_000, 2);
    s.assumptions.mortality = Mortality::Flat(Sourced::new(12.0, "test"));
    s.assumptions.jkk_deaths_per_mille.value = 0.0;
    s.regions[0].coverage.path = CoveragePath::PerYear(vec![100.0, 100.0]);
    s.regions[0].coverage.waves = vec![
        Wave {
            month: 1,
            share_pct: 60.0,
            until_month: Some(3),
        },
        Wave {
            month: 7,
            share_pct: 40.0,
            until_month: None,
        },
    ];
    let p = run(&s);
    let first = &p.total[0];
    assert_eq!(first.cost_total, 70_560_000);
    assert!((first.member_years - 350.0).abs() < 1e-9);
    assert!((first.deaths_expected - 4.2).abs() < 1e-9);
    assert_eq!((first.enrolled_new, first.enrolled_end), (1_000, 1_000));
    assert_eq!(p.total[1].cost_total, 198_828_000);
    // The months say so: 600 in March, nobody in April–June, 400 from July.
    let months = match lindung::scenario::evaluate_months(&s) {
        Ok(m) => m,
        Err(problems) => panic!("{problems:?}"),
    };
    let members: Vec<i64> = months[0][..12].iter().map(|m| m.members).collect();
    assert_eq!(
        members,
        [600, 600, 600, 0, 0, 0, 400, 400, 400, 400, 400, 400]
    );
    assert_eq!(months[0][6].new, 400);
    // A wave cannot end before it starts, nor after the last paid month.
    s.regions[0].coverage.waves[1].until_month = Some(6);
    s.regions[0].coverage.paid_until_month = Some(11);
    s.regions[0].coverage.waves[0].until_month = Some(12);
    let at: Vec<_> = validate(&s).into_iter().map(|p| p.location).collect();
    assert_eq!(
        at,
        [
            Location::Field(root().region(0).coverage().wave(0).until_month()),
            Location::Field(root().region(0).coverage().wave(1).until_month()),
        ]
    );
}

#[test]
fn the_months_a_budget_covers_for_the_whole_pool_are_said() {
    // Rp3 miliar for a pool of 32.279: a month of all of them costs 32.279 × Rp16.800 =
    // Rp542.287.200, so the budget covers 3.000.000.000 / 542.287.200 = 5,53 months.
    let mut s = plan(32_279, 1);
    s.direction = Direction::BudgetCap;
    s.regions[0].budget = Budget::Growing {
        amount: 3_000_000_000,
        growth_pct: 0.0,
    };
    let p = run(&s);
    let months = p.regions[0].years[0].months_for_pool.unwrap_or(0.0);
    assert!(
        (months - 3_000_000_000.0 / 542_287_200.0).abs() < 1e-9,
        "{months}"
    );
    let lines = lindung::format::pool_months_lines(&p, lindung::i18n::Lang::Id);
    assert_eq!(
        lines,
        vec![
            "Kab. Sigi 2026: pagu Rp3 miliar cukup membiayai seluruh 32.279 pekerja sasaran selama 5,5 bulan."
                .to_owned()
        ]
    );
}

#[test]
fn members_age_and_leave_at_the_upper_age() {
    // Flat rate, ages 18–65 spread evenly: 48 ages, so each January 1/48 of the members pass
    // 65 and leave. 4.800 members → 100 leave in each later year, and 100 new workers keep
    // the pool at 100%.
    let mut s = plan(4_800, 3);
    s.regions[0].pool.age_min = 18;
    s.regions[0].pool.age_max = 65;
    let p = run(&s);
    let left: Vec<(i64, i64, i64)> = p
        .total
        .iter()
        .map(|y| (y.enrolled_aged_out, y.enrolled_new, y.enrolled_end))
        .collect();
    assert_eq!(
        left,
        [(0, 4_800, 4_800), (100, 100, 4_800), (100, 100, 4_800)]
    );

    // Two bands of 10 ages, half the members each: 18–27 at 1‰ a year, 28–37 at 11‰.
    // Year 1: 1.000 members at 0,5 × 1 + 0,5 × 11 = 6‰ → 6 deaths.
    // January of year 2: a tenth of each band moves up a band: 18–27 keeps 0,45, 28–37
    // gets 0,05 and passes 0,05 (50 members) over 37. The 950 who stay are 450 and 500; 50
    // new members join half and half: 475 and 525 of 1.000.
    // Rate 0,475 × 1 + 0,525 × 11 = 6,25‰ → 6,25 deaths.
    let mut s = plan(1_000, 2);
    s.regions[0].pool.age_min = 18;
    s.regions[0].pool.age_max = 37;
    s.assumptions.mortality = Mortality::AgeBands(AgeBandMortality {
        loading: 1.0,
        male_pct: 50.0,
        bands: vec![
            AgeBand::new(18, 27, 50.0, 1.0, 1.0),
            AgeBand::new(28, 37, 50.0, 11.0, 11.0),
        ],
        source: "test".into(),
    });
    let p = run(&s);
    assert!((p.total[0].deaths_expected - 6.0).abs() < 1e-9);
    assert_eq!(p.total[1].enrolled_aged_out, 50);
    assert_eq!(p.total[1].enrolled_new, 50);
    assert!(
        (p.total[1].deaths_expected - 6.25).abs() < 1e-9,
        "{}",
        p.total[1].deaths_expected
    );
}
