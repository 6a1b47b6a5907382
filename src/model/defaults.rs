//! Default figures, each with its source (`../shared/domain.md` of the project notes).
//! A new scenario starts from these; every one is editable and saved with its source note.

use super::plan::*;

pub const RULE_SET: &str = "permenaker_5_2021";

/// JKM deaths of BPU members, per 1.000 a year.
pub const BPU_JKM_DEATHS_PER_MILLE: f64 = 2.41;
pub const BPU_JKM_DEATHS_SOURCE: &str = "Klaim JKM BPU 2023: 18.308 / 7.598.388 peserta BPU (rata-rata dari 6.004.021 pada akhir 2022 dan 9.192.755 pada akhir 2023) = 2,41 per 1.000 (Menteri Ketenagakerjaan kepada DPR Komisi IX, 26 Mar 2024: antaranews 4029873); cek: semua segmen 69.029 / 41,56 juta = 1,66 per 1.000 (DPR Komisi IX, 2 Jul 2024, via kontan)";

pub fn programme() -> Programme {
    Programme {
        jht: false,
        declared_income: Sourced::new(
            1_000_000,
            "Braket penghasilan BPU terendah (Lampiran II PP 44/2015): JKK Rp10.000 dengan tarif 1% (Permenaker 5/2021)",
        ),
    }
}

/// TMI IV 2019 (Asosiasi Aktuaris Indonesia), q(x) per 1.000, band averages, with an assumed
/// age mix of pekerja rentan.
pub fn tmi_iv_bands() -> AgeBandMortality {
    let band = AgeBand::new;
    AgeBandMortality {
        loading: 1.0,
        male_pct: 55.0,
        bands: vec![
            band(15, 24, 15.0, 0.43, 0.27),
            band(25, 34, 22.0, 0.74, 0.55),
            band(35, 44, 24.0, 1.74, 1.18),
            band(45, 54, 22.0, 4.96, 3.01),
            band(55, 64, 17.0, 9.69, 6.55),
        ],
        source: "TMI IV 2019 (Asosiasi Aktuaris Indonesia), rata-rata per kelompok usia; komposisi usia dan porsi laki-laki adalah asumsi; TMI disusun dari data tertanggung asuransi dan kemungkinan lebih rendah dari angka kematian pekerja miskin (gunakan faktor beban)".to_owned(),
    }
}

pub fn assumptions() -> Assumptions {
    Assumptions {
        mortality: Mortality::Flat(Sourced::new(
            BPU_JKM_DEATHS_PER_MILLE,
            BPU_JKM_DEATHS_SOURCE,
        )),
        jkk_deaths_per_mille: Sourced::new(
            0.059,
            "Kasus kecelakaan kerja BPU 2023: 19.921 (Kemnaker/BPJS TK via databoks) x 2,26% fatal (2.375 dari 105.182 kasus JKK, 2015, BPJS TK via Antara) / 7.598.388 peserta BPU (rata-rata akhir 2022 dan akhir 2023) = 0,059 per 1.000; porsi kasus fatal pada BPU tidak dipublikasikan (Jawa Timur 2021-2023: 0,8-1,9%); indikatif",
        ),
        nonfatal_accidents_per_mille: Sourced::new(
            2.56,
            "Kasus kecelakaan kerja BPU 2023: 19.921 (Kemnaker/BPJS TK via databoks), dikurangi 2,26% yang fatal, / 7.598.388 peserta BPU = 2,56 per 1.000; indikatif",
        ),
        accident_care_avg: Sourced::new(
            7_000_000,
            "Rp1,22 T / 173 ribu klaim JKK, 2018, semua segmen (BPJS TK via pasundanekspres 2019-01-10) = Rp7,1 juta; biaya perawatan tidak dibatasi dan tidak bergantung pada penghasilan; indikatif",
        ),
        accident_cash_months: Sourced::new(
            1.0,
            "Asumsi: santunan uang (sementara tidak mampu bekerja, cacat) rata-rata sebesar satu bulan penghasilan yang dilaporkan per klaim tidak fatal; semua segmen 2022: Rp2,40 T / 297.725 kasus = Rp8 juta untuk perawatan dan santunan uang bersama-sama",
        ),
        children_per_member: Sourced::new(
            1.2,
            "Asumsi: 5,43 orang per rumah tangga miskin (BPS Sulteng Sept 2024) menunjukkan sekitar 3 anak, sekitar 1,2 di antaranya usia sekolah; aturan manfaat membatasi paling banyak 2 anak",
        ),
        school_mix: Sourced::new(
            SchoolMix {
                tk: 10.0,
                sd: 40.0,
                smp: 20.0,
                sma: 20.0,
                pt: 5.0,
            },
            "Asumsi: anak usia sekolah dari peserta menurut jenjang; sisanya tidak bersekolah",
        ),
        continuation_smp_pct: Sourced::new(
            90.0,
            "Kuintil termiskin, BPS 2021 (Susenas): tidak sekolah 1,14% pada usia SD dan 10,91% pada usia SMP, jadi 89,1% / 98,9% = 90% anak SD lanjut ke SMP (BPS Angka Tidak Sekolah menurut kuintil pengeluaran, dihimpun dalam Rangga1708/analisis-data-angka-tidak-sekolah-indonesia)",
        ),
        continuation_sma_pct: Sourced::new(
            77.0,
            "Kuintil termiskin, BPS 2021 (Susenas): tidak sekolah 10,91% pada usia SMP dan 31,39% pada usia SMA, jadi 68,6% / 89,1% = 77% lanjut ke SMA (tabel BPS yang sama)",
        ),
        higher_education_pct: Sourced::new(
            30.0,
            "Asumsi yang mendekati angka partisipasi pendidikan tinggi nasional (APK PT sekitar 30%)",
        ),
        jkm_waiting_rule: Sourced::new(
            true,
            "Diperdebatkan: Disnaker Pati 2025-09-22 dan Sijunjung menyebut kematian dengan masa kepesertaan kurang dari 3 bulan hanya dibayar Rp10 juta; Kab. Tulungagung (2023) melaporkan pembayaran penuh Rp42 juta",
        ),
        income_growth_pct: Sourced::new(0.0, "Penghasilan yang dilaporkan tetap Rp1.000.000"),
        household_poverty_line: Sourced::new(
            3_305_170,
            "Garis kemiskinan per rumah tangga miskin per bulan, Sulawesi Tengah (BPS)",
        ),
        observed_deaths: None,
    }
}

/// Member-years of local experience the default JKM rate is worth when observed deaths
/// calibrate it (assumption: about 120 expected deaths at 2,41 per 1.000).
pub const PRIOR_MEMBER_YEARS: f64 = 50_000.0;

/// Months of membership assumed for the members enrolled before the first year.
pub const START_TENURE_MONTHS: u32 = 12;

/// Steepness of a new S-curve path (see `CoveragePath::SCurve`).
pub const S_CURVE_STEEPNESS: f64 = 8.0;

/// One wave in January: the whole year's enrolment paid from the APBD.
pub fn january_wave() -> Vec<Wave> {
    vec![Wave {
        month: 1,
        share_pct: 100.0,
        until_month: None,
    }]
}

/// A region with nothing filled in but sensible structure: the starting point of "Baru".
pub fn region(name: &str, level: Level, code: &str) -> Region {
    Region {
        name: name.to_owned(),
        level,
        code: code.to_owned(),
        workforce: Workforce {
            employed: 0,
            employed_growth_pct: 0.0,
            covered_pu: 0,
            covered_bpu: 0,
            programme_in_bpu: 0,
            covered_jakon: 0,
            covered_growth_pct: 0.0,
            source: String::new(),
            base_year: None,
        },
        pool: Pool {
            count: 0,
            growth_pct: 0.0,
            age_min: 18,
            age_max: 65,
            source: "Usia kepesertaan 18–65 seperti yang dipakai Kab. Penajam Paser Utara (beritakaltimterkini); tidak ditemukan batas usia maksimum dalam peraturan".to_owned(),
            base_year: None,
        },
        coverage: Coverage {
            start_pct: 0.0,
            start_tenure_months: START_TENURE_MONTHS,
            path: CoveragePath::Ramp { target_pct: 100.0 },
            waves: january_wave(),
            enrolment: Enrolment::Sustainable,
            cut: CutRule::NewestFirst,
            paid_until_month: None,
        },
        budget: Budget::Growing {
            amount: 0,
            growth_pct: 0.0,
        },
        funding: Funding {
            payers: Vec::new(),
            residual: level.own_payer(),
            apbd: None,
        },
    }
}

/// A new, empty plan for one kabupaten.
pub fn new_plan(first_year: i32) -> Plan {
    Plan {
        meta: Meta {
            title: String::new(),
            author: String::new(),
            region_name: String::new(),
            level: Level::Kabupaten,
            code: "00.00".to_owned(),
            notes: String::new(),
            rule_set: RULE_SET.to_owned(),
            apbd: None,
            ucj_target: None,
        },
        horizon: Horizon {
            first_year,
            years: 5,
        },
        direction: Direction::CoverageTarget,
        programme: programme(),
        assumptions: assumptions(),
        regions: vec![region("", Level::Kabupaten, "00.00")],
        province_quota: None,
        rule_sets: Vec::new(),
    }
}
