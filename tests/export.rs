//! Files for the spreadsheet: the Excel workbook holds numbers as numbers, every sheet a
//! planner needs, and every assumption with its source.

#![allow(clippy::expect_used)]

use std::process::Command;

use calamine::{Data, Reader, Xlsx, open_workbook};

fn lindung(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lindung"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lindung runs")
}

#[test]
fn the_workbook_holds_numbers_with_their_sources() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("sulteng.xlsx");
    let run = lindung(&[
        "export",
        "scenarios/sulteng-2026.ron",
        "--xlsx",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut book: Xlsx<_> = open_workbook(&out).expect("a workbook Excel opens");
    assert_eq!(
        book.sheet_names(),
        ["Ringkasan", "Per tahun", "Per bulan", "Asumsi dan sumber"]
    );

    let summary = book.worksheet_range("Ringkasan").expect("summary");
    assert_eq!(
        summary.get((0, 0)),
        Some(&Data::String(
            "Sulawesi Tengah 2026–2030: menuju UCJ 71%".into()
        ))
    );

    let years = book.worksheet_range("Per tahun").expect("years");
    let header: Vec<String> = years
        .rows()
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let at = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (region, year, cost) = (at("Wilayah"), at("Tahun"), at("Biaya iuran"));
    // 13 kabupaten/kota and the total, 5 years each.
    assert_eq!(years.rows().count(), 1 + 14 * 5);
    let palu = years
        .rows()
        .find(|r| r[region] == Data::String("Kota Palu".into()) && r[year] == Data::Float(2026.0))
        .expect("Kota Palu 2026");
    // Kota Palu keeps all 60.426 members it pays for in 2026, each Rp16.800 a month (JKK
    // Rp10.000 + JKM Rp6.800): 60.426 × 16.800 × 12 = Rp12.181.881.600, as a number.
    assert_eq!(palu[cost], Data::Float(12_181_881_600.0));

    // The months: 14 blocks of 60 months.
    let months = book.worksheet_range("Per bulan").expect("months");
    assert_eq!(months.rows().count(), 1 + 14 * 60);

    // Every assumption with its source: the declared income is Rp1.000.000, the lowest BPU
    // bracket, and says where it comes from.
    let assumptions = book
        .worksheet_range("Asumsi dan sumber")
        .expect("assumptions");
    let income = assumptions
        .rows()
        .find(|r| r[0] == Data::String("Program & iuran › Penghasilan dilaporkan".into()))
        .expect("declared income");
    assert_eq!(income[1], Data::Float(1_000_000.0));
    assert!(!income[2].to_string().is_empty(), "{income:?}");
    // The rule set's JKM death benefit, Rp42 juta (PP 82/2019).
    assert!(
        assumptions
            .rows()
            .any(|r| r[0].to_string().starts_with("Santunan kematian JKM")
                && r[1] == Data::Float(42_000_000.0)),
    );
}

#[test]
fn a_workbook_never_replaces_the_scenario() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy = dir.path().join("palu.ron");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/palu-2026.ron"),
        &copy,
    )
    .expect("copy");
    let before = std::fs::read(&copy).expect("read");
    let path = copy.to_str().expect("utf-8 path");
    let run = lindung(&["export", path, "--xlsx", path]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(std::fs::read(&copy).expect("read"), before);
}
