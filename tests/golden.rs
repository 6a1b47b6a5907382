//! Golden cases worked out by hand from the regulation; the arithmetic is in each comment.

use lindung::model::Projection;
use lindung::model::defaults::{new_plan, region};
use lindung::model::plan::field::plan as root;
use lindung::model::plan::{
    Apbd, Basis, Budget, CoveragePath, Direction, Level, Mortality, Payer, PayerKind, Plan,
    SchoolMix, Sourced, Wave,
};
use lindung::scenario::evaluate;

/// One kabupaten, `pool` workers, all of them enrolled in `month` of the first year
/// (start 0%, target 100%), no growth, `years` years.
fn one_region(pool: i64, month: u32, years: u32) -> Plan {
    let mut s = new_plan(2026);
    s.horizon.years = years;
    s.meta.code = "64.09".into();
    let mut r = region("Kab. Contoh", Level::Kabupaten, "64.09");
    r.pool.count = pool;
    r.coverage.start_pct = 0.0;
    // Target 100% in every year: everyone joins in the first year.
    r.coverage.path = CoveragePath::PerYear(vec![100.0; years as usize]);
    r.coverage.waves = vec![Wave {
        month,
        share_pct: 100.0,
        until_month: None,
    }];
    s.regions = vec![r];
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

/// JKM mortality of 12 per 1.000 a year = exactly 1 death per 1.000 members a month; no
/// work-accident deaths or claims.
fn one_death_per_thousand_a_month(s: &mut Plan) {
    s.assumptions.mortality = Mortality::Flat(Sourced::new(12.0, "test"));
    s.assumptions.jkk_deaths_per_mille.value = 0.0;
    s.assumptions.nonfatal_accidents_per_mille.value = 0.0;
}

#[test]
fn penajam_paser_utara_apbd_2025() {
    // Kab. Penajam Paser Utara, APBD 2025: 15.000 workers × Rp16.800 × 12 months
    // = 15.000 × 201.600 = Rp3.024.000.000 (JKK 1% of Rp1.000.000 = Rp10.000, JKM Rp6.800).
    let p = run(&one_region(15_000, 1, 1));
    let year = &p.total[0];
    assert_eq!(year.cost_total, 3_024_000_000);
    assert_eq!(year.enrolled_end, 15_000);
    assert_eq!(year.enrolled_avg, 15_000.0);
    // All of it from the kabupaten's own APBD, the default residual payer.
    assert_eq!(year.cost_of(PayerKind::ApbdKabKota), 3_024_000_000);
    // Cost per worker-year: 12 × Rp16.800 = Rp201.600.
    assert_eq!(year.cost_per_worker(), 201_600.0);
}

#[test]
fn lumajang_dbh_cht_from_june() {
    // Kab. Lumajang (DBH CHT): 5.606 workers enrolled in June are paid June–December = 7 months:
    // 5.606 × Rp16.800 × 7 = 5.606 × 117.600 = Rp659.265.600.
    let mut s = one_region(5_606, 6, 1);
    s.regions[0].funding.payers = vec![payer(PayerKind::DbhCht, Basis::Share(100.0))];
    let year = &run(&s).total[0];
    assert_eq!(year.cost_total, 659_265_600);
    assert_eq!(year.cost_of(PayerKind::DbhCht), 659_265_600);
    // Average over the year: 5.606 × 7 / 12 = 3.270,17 members.
    assert!((year.enrolled_avg - 5_606.0 * 7.0 / 12.0).abs() < 1e-9);
}

#[test]
fn a_september_wave_costs_four_months() {
    // APBD-P wave in September: September–December = 4 months × Rp16.800 = Rp67.200 a worker;
    // 1.000 workers → Rp67.200.000.
    let year = &run(&one_region(1_000, 9, 1)).total[0];
    assert_eq!(year.cost_total, 67_200_000);
}

#[test]
fn jht_adds_two_percent_of_declared_income() {
    // With JHT: Rp16.800 + 2% × Rp1.000.000 = Rp36.800 a month; 100 workers × 12 = Rp44.160.000.
    let mut s = one_region(100, 1, 1);
    s.programme.jht = true;
    assert_eq!(run(&s).total[0].cost_total, 44_160_000);
}

#[test]
fn jkk_death_benefit_is_48_times_declared_income_plus_funeral_and_periodic() {
    // JKK death: 48 × Rp1.000.000 + Rp10 juta funeral + Rp12 juta periodic = Rp70 juta
    // (Kab. Sijunjung); poverty line Rp3.305.170 → 70.000.000 / 3.305.170 = 21,18 months.
    let mut s = one_region(1_000, 1, 1);
    let p = run(&s);
    assert_eq!(p.jkk_death_benefit, 70_000_000);
    assert!((p.jkk_benefit_poverty_months - 21.179).abs() < 0.001);
    // JKM Rp42 juta / Rp3.305.170 = 12,71 months (the "≈ 12,7 months" of the brief).
    assert_eq!(p.jkm_death_benefit, 42_000_000);
    assert!((p.jkm_benefit_poverty_months - 12.707).abs() < 0.001);

    // Only work-accident deaths, 1 per 1.000 a month, 1.000 members all year:
    // 12 deaths × Rp70 juta = Rp840 juta (no waiting period for JKK).
    one_death_per_thousand_a_month(&mut s);
    s.assumptions.mortality = Mortality::Flat(Sourced::new(0.0, "test"));
    s.assumptions.jkk_deaths_per_mille.value = 12.0;
    s.assumptions.children_per_member.value = 0.0;
    let year = &run(&s).total[0];
    assert!((year.deaths_expected - 12.0).abs() < 1e-9);
    assert!((year.death_benefits - 840_000_000.0).abs() < 1e-3);

    // At the Rp2.000.000 bracket: 48 × 2.000.000 + 22.000.000 = Rp118.000.000.
    s.programme.declared_income.value = 2_000_000;
    assert_eq!(run(&s).jkk_death_benefit, 118_000_000);
}

#[test]
fn jkm_waiting_period_pays_only_the_funeral_benefit() {
    // 1.000 members from January, 1 death per 1.000 a month, none from work accidents.
    // Deaths in January, February, March (under 3 months of membership): 3 × Rp10 juta;
    // April–December: 9 × Rp42 juta. Total 30 + 378 = Rp408 juta.
    let mut s = one_region(1_000, 1, 1);
    one_death_per_thousand_a_month(&mut s);
    s.assumptions.children_per_member.value = 0.0;
    let year = &run(&s).total[0];
    assert!((year.waiting_deaths - 3.0).abs() < 1e-9);
    assert!((year.death_benefits - 408_000_000.0).abs() < 1e-3);

    // With the disputed rule switched off every death pays Rp42 juta: 12 × 42 = Rp504 juta.
    s.assumptions.jkm_waiting_rule.value = false;
    let year = &run(&s).total[0];
    assert!((year.death_benefits - 504_000_000.0).abs() < 1e-3);
}

#[test]
fn scholarship_stream_first_pays_in_year_four() {
    // 1.000 members enrolled in January 2026, 1 death per 1.000 a month, all JKM (no work
    // accidents), every child in SD. A JKM death needs 36 months of membership: January
    // 2026 + 36 months = January 2029, the programme's 4th year.
    // Children per death: K ~ Poisson(1), at most 2 paid: E[min(K, 2)] = P(1) + 2·P(K ≥ 2)
    // = e^-1 + 2·(1 − 2e^-1) = 0,367879 + 0,528482 = c = 0,896362.
    let mut s = one_region(1_000, 1, 5);
    one_death_per_thousand_a_month(&mut s);
    s.assumptions.children_per_member.value = 1.0;
    s.assumptions.school_mix.value = SchoolMix {
        tk: 0.0,
        sd: 100.0,
        smp: 0.0,
        sma: 0.0,
        pt: 0.0,
    };
    let c = 0.367_879_441_171_442_3 + 2.0 * (1.0 - 2.0 * 0.367_879_441_171_442_3);
    // Members age: ages 18–65 spread evenly, each January 1.000 / 48 = 20,8 → 21 pass 65 and
    // leave (the same share q = 979/1.000 of every enrolment group) and 21 new members join.
    // The January 2026 group is 1.000·q³ in 2029; in 2030 it is 1.000·q⁴ and the 21 of
    // January 2027 (36 months in January 2030) are 21·q³: together 1.000·q³·(q + 0,021) =
    // 1.000·q³. So every figure below is the no-ageing figure times q³.
    let q3 = 0.979_f64.powi(3);
    let p = run(&s);
    let paid: Vec<f64> = p.total.iter().map(|y| y.scholarships_paid).collect();
    assert_eq!(&paid[..3], &[0.0, 0.0, 0.0]);
    // 2029: 12 eligible deaths, each child paid the current SD year (with the death claim):
    // 12·q³ × c × Rp1,5 juta = q³ × c × Rp18 juta.
    assert!((paid[3] - q3 * c * 18_000_000.0).abs() < 1e-3, "{paid:?}");
    // 2030: this year's 12 deaths × Rp1,5 juta, plus last year's children in their second
    // year: an SD child is equally likely in any of its 6 years, so 5/6 stay in SD
    // (Rp1,5 juta) and 1/6 finish SD, of whom 90% go on to SMP (Rp2 juta):
    // 12 × (5/6 × 1,5 + 1/6 × 0,9 × 2) = 12 × 1,55 = Rp18,6 juta. Total c × Rp36,6 juta.
    assert!((paid[4] - q3 * c * 36_600_000.0).abs() < 1e-3, "{paid:?}");
    // Still owed after 2030. An SD child has on average 3,5 SD years left (3,5 × Rp1,5 juta
    // = Rp5,25 juta), then SMP for 90% (0,9 × 3 × Rp2 juta = Rp5,4 juta), SMA for 77% of
    // those (0,9 × 0,77 × 3 × Rp3 juta = Rp6,237 juta), and PT for 30% of those
    // (0,9 × 0,77 × 0,3 × 5 × Rp12 juta = Rp12,474 juta): Rp29,361 juta per child.
    // 24 deaths × c children × Rp29,361 juta, less the c × Rp54,6 juta paid within the
    // horizon: c × (704,664 − 54,6) juta = c × Rp650,064 juta = Rp582,69 juta.
    let owed = q3 * c * 650_064_000.0;
    assert!(
        (p.scholarships_after_horizon - owed).abs() < 1e-2,
        "{} vs {owed}",
        p.scholarships_after_horizon
    );
}

#[test]
fn payers_pay_quotas_then_amounts_then_shares_and_the_residual_the_rest() {
    // 15.000 workers all year: Rp3.024.000.000. Province pays 5.000 workers × Rp201.600 =
    // Rp1.008.000.000; CSR a fixed Rp100.000.000; APBDes 10% of the cost = Rp302.400.000;
    // the kabupaten the rest: 3.024.000.000 − 1.008.000.000 − 100.000.000 − 302.400.000
    // = Rp1.613.600.000.
    let mut s = one_region(15_000, 1, 1);
    s.regions[0].funding.payers = vec![
        payer(PayerKind::ApbDesa, Basis::Share(10.0)),
        payer(PayerKind::Csr, Basis::Amount(100_000_000)),
        payer(PayerKind::ApbdProvinsi, Basis::Workers(5_000)),
    ];
    s.regions[0].funding.apbd = Some(Apbd {
        total: 1_000_000_000_000,
        growth_pct: 0.0,
        source: String::new(),
        base_year: None,
    });
    let year = &run(&s).total[0];
    assert_eq!(year.cost_of(PayerKind::ApbdProvinsi), 1_008_000_000);
    assert_eq!(year.cost_of(PayerKind::Csr), 100_000_000);
    assert_eq!(year.cost_of(PayerKind::ApbDesa), 302_400_000);
    assert_eq!(year.cost_of(PayerKind::ApbdKabKota), 1_613_600_000);
    // Share of the kabupaten's Rp1.000 miliar APBD: 1.613.600.000 / 1e12 = 0,16136%.
    let share = year.apbd_share_pct().unwrap_or(f64::NAN);
    assert!((share - 0.16136).abs() < 1e-9, "{share}");
}

#[test]
fn ucj_counts_everyone_covered_against_the_employed_workforce() {
    // Employed 100.000; PU 20.000 + BPU 7.000 + Jakon 3.000 = 30.000 already covered; the
    // programme adds 15.000 → (30.000 + 15.000) / 100.000 = 45%.
    let mut s = one_region(15_000, 1, 1);
    let w = &mut s.regions[0].workforce;
    w.employed = 100_000;
    w.covered_pu = 20_000;
    w.covered_bpu = 7_000;
    w.covered_jakon = 3_000;
    let year = &run(&s).total[0];
    assert!((year.ucj_pct() - 45.0).abs() < 1e-9);
    assert!((year.coverage_pct() - 100.0).abs() < 1e-9);
}

#[test]
fn a_ramp_enrols_the_same_number_each_year() {
    // Pool 10.000, start 0%, ramp to 50% over 5 years: year-end shares 10, 20, 30, 40, 50% →
    // 1.000 new members each January; year 3 pays for 3.000 × Rp201.600 = Rp604.800.000.
    let mut s = one_region(10_000, 1, 5);
    s.regions[0].coverage.path = CoveragePath::Ramp { target_pct: 50.0 };
    let p = run(&s);
    let ends: Vec<i64> = p.total.iter().map(|y| y.enrolled_end).collect();
    assert_eq!(ends, vec![1_000, 2_000, 3_000, 4_000, 5_000]);
    assert_eq!(p.total[2].cost_total, 604_800_000);
}

#[test]
fn budget_of_three_billion_buys_whole_workers() {
    // Rp3.000.000.000 a year, everyone from January: a worker-year costs Rp201.600, so
    // 3.000.000.000 / 201.600 = 14.880,95 → 14.880 workers, costing 14.880 × 201.600 =
    // Rp2.999.808.000 and leaving Rp192.000 unspent.
    let mut s = one_region(100_000, 1, 2);
    s.direction = Direction::BudgetCap;
    s.regions[0].budget = Budget::Growing {
        amount: 3_000_000_000,
        growth_pct: 0.0,
    };
    let p = run(&s);
    let first = &p.total[0];
    assert_eq!(first.enrolled_end, 14_880);
    assert_eq!(first.cost_total, 2_999_808_000);
    assert_eq!(first.unspent(), Some(192_000));
    // Year 2: 14.880 / 48 = 310 pass 65 and leave (ages 18–65 spread evenly); the same
    // budget takes 310 new members from January, back to 14.880 (no room for one more).
    assert_eq!(p.total[1].enrolled_aged_out, 310);
    assert_eq!(p.total[1].enrolled_end, 14_880);
    assert_eq!(p.total[1].enrolled_new, 310);
}

#[test]
fn budget_with_an_apbd_p_wave_is_month_accurate() {
    // Rp3.000.000.000, 60% of new members in January (12 months, Rp201.600) and 40% in
    // September (4 months, Rp67.200). For N new workers the cost is
    // 0,6N × 201.600 + 0,4N × 67.200 = N × 147.840, so N ≈ 3e9 / 147.840 = 20.292,2.
    // N = 20.292: January round(0,6 × 20.292) = 12.175, September 8.117 →
    // 12.175 × 201.600 + 8.117 × 67.200 = 2.454.480.000 + 545.462.400 = Rp2.999.942.400 ≤ 3e9;
    // N = 20.293 (12.176 + 8.117) costs Rp3.000.144.000 > 3e9.
    let mut s = one_region(100_000, 1, 1);
    s.direction = Direction::BudgetCap;
    s.regions[0].coverage.waves = vec![
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
    s.regions[0].budget = Budget::PerYear(vec![3_000_000_000]);
    let year = &run(&s).total[0];
    assert_eq!(year.enrolled_end, 20_292);
    assert_eq!(year.cost_total, 2_999_942_400);
}

#[test]
fn totals_add_up_the_regions() {
    // Two regions of 15.000 and 5.606 from January: (15.000 + 5.606) × 201.600
    // = 20.606 × 201.600 = Rp4.154.169.600.
    let mut s = one_region(15_000, 1, 1);
    let mut second = s.regions[0].clone();
    second.pool.count = 5_606;
    second.name = "Kab. Kedua".into();
    s.regions.push(second);
    let p = run(&s);
    assert_eq!(p.total[0].cost_total, 4_154_169_600);
    assert_eq!(p.total[0].enrolled_end, 20_606);
    assert_eq!(p.regions[1].years[0].cost_total, 5_606 * 201_600);
}

#[test]
fn tmi_table_must_cover_the_enrolment_ages() {
    // A table with only a 55–64 band cannot give a death rate for members aged 18–50.
    let mut s = one_region(1_000, 1, 1);
    let mut table = lindung::model::defaults::tmi_iv_bands();
    table.bands.retain(|b| b.from == 55);
    table.bands[0].share_pct = 100.0;
    s.assumptions.mortality = Mortality::AgeBands(table);
    s.regions[0].pool.age_max = 50;
    let problems = lindung::scenario::validate(&s);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0].location,
        lindung::scenario::Location::Field(root().region(0).pool().age_min())
    );
    // Ages 18–64 do meet the band: 1.000 members × (55% × 9,69 + 45% × 6,55) ‰ = 8,277 deaths.
    s.regions[0].pool.age_max = 64;
    s.assumptions.jkk_deaths_per_mille.value = 0.0;
    let year = &run(&s).total[0];
    assert!(
        (year.deaths_expected - 8.277).abs() < 1e-9,
        "{}",
        year.deaths_expected
    );
}
