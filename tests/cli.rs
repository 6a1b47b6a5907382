//! The command line as other tools use it: exit codes, messages, the CSV contract.

#![allow(clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn lindung(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_lindung"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
    {
        Ok(output) => output,
        Err(e) => panic!("cannot start lindung: {e}"),
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write_temp(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    if let Err(e) = std::fs::write(&path, text) {
        panic!("{e}");
    }
    path.display().to_string()
}

fn temp_dir() -> tempfile::TempDir {
    match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("{e}"),
    }
}

const PALU: &str = "scenarios/palu-2026.ron";
const SULTENG: &str = "scenarios/sulteng-2026.ron";

#[test]
fn version_names_the_commit_and_the_build_date() {
    let out = lindung(&["--version"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // "lindung 0.1.0 (commit 67346af0ee, 2026-11-27)": the package version, the commit of
    // this checkout (or "unknown" outside Git) and a date.
    let expected_start = format!("lindung {} (commit ", env!("CARGO_PKG_VERSION"));
    assert!(text.starts_with(&expected_start), "{text}");
    let commit = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map_or("unknown".to_owned(), |o| stdout(&o).trim().to_owned());
    assert!(
        text.contains(&format!("commit {commit}, ")),
        "{text} / {commit}"
    );
    let date = text
        .trim_end()
        .trim_end_matches(')')
        .rsplit(", ")
        .next()
        .unwrap_or("");
    let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
    assert!(
        parts.len() == 3 && parts[0] >= 2026 && (1..=12).contains(&parts[1]),
        "{text}"
    );
}

#[test]
fn check_accepts_every_example() {
    for file in [PALU, SULTENG] {
        let out = lindung(&["check", file]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr(&out));
        assert!(stdout(&out).contains("sah"), "{}", stdout(&out));
    }
}

#[test]
fn check_lists_every_problem_with_its_place_and_exits_1() {
    let dir = temp_dir();
    let text = match std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(PALU)) {
        Ok(text) => text,
        Err(e) => panic!("{e}"),
    };
    // Two value problems: a negative pool and a wave share that breaks the 100% total.
    let bad = text.replacen("count: 60426", "count: -5", 1).replacen(
        "share_pct: 70.0",
        "share_pct: 75.0",
        1,
    );
    let file = write_temp(&dir, "bad.ron", &bad);
    let out = lindung(&["check", &file, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // Each at the line the file has it, in the editor's words, with the field path last.
    let line_of = |what: &str| {
        bad.lines()
            .position(|l| l.contains(what))
            .map_or(0, |i| i + 1)
    };
    let (count_line, waves_line) = (line_of("count: -5"), line_of("waves: ["));
    assert!(
        err.contains(&format!(
            "{file}:{count_line}: Region 1 (Kota Palu) › Target pool › Pool size: must be ≥ 0 \
             [regions[0].pool.count]"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{file}:{waves_line}: Region 1 (Kota Palu) › Coverage path › Enrolment waves: \
             must add up to 100%, now 105% [regions[0].coverage.waves]"
        )),
        "{err}"
    );
    // Indonesian by default.
    let out = lindung(&["check", &file]);
    assert!(
        stderr(&out).contains(&format!(
            "{file}:{count_line}: Wilayah 1 (Kota Palu) › Sasaran › Jumlah sasaran: harus ≥ 0"
        )),
        "{}",
        stderr(&out)
    );

    // A syntax error is reported as file:line:column.
    let broken = text.replacen("years: 5", "years: 5 5", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("years: 5 5"))
        .map_or(0, |i| i + 1);
    let file = write_temp(&dir, "broken.ron", &broken);
    let out = lindung(&["check", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with(&format!("{file}:{line}:")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(lindung(&["check"]).status.code(), Some(2));
    assert_eq!(lindung(&["run"]).status.code(), Some(2));
    assert_eq!(lindung(&["frobnicate", "x"]).status.code(), Some(2));
    assert_eq!(
        lindung(&["run", PALU, "--lang", "fr"]).status.code(),
        Some(2)
    );
    assert_eq!(lindung(&["--help"]).status.code(), Some(0));
}

#[test]
fn run_prints_the_year_table_in_either_language() {
    let out = lindung(&["run", PALU]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for expected in [
        "TOTAL",
        "Tahun",
        "Biaya iuran",
        "2026",
        "2030",
        "Jumlah",
        "12,7 bulan",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let text = stdout(&lindung(&["run", PALU, "--lang", "en"]));
    for expected in ["Year", "Contributions", "12.7 months"] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn run_csv_keeps_its_column_contract() {
    let out = lindung(&["run", SULTENG, "--csv", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    // The columns first, then every appended one, in order: never renamed.
    assert_eq!(
        header,
        "region,year,pool,enrolled_avg,enrolled_end,coverage_pct,ucj_pct,cost_total,\
         cost_apbd_kabkota,cost_apbd_provinsi,cost_apbdes,cost_dbh_cht,cost_csr,cost_baznas,\
         cost_lainnya,apbd_share_pct,deaths_expected,benefits_paid,scholarships_paid,code,\
         enrolled_new,employed,covered_other,budget,unspent,apbd_total,cost_per_worker,\
         member_years,deaths_p05,deaths_p95,jkm_deaths,jkk_deaths,death_benefits,\
         accident_claims,accident_benefits,benefits_per_rupiah,enrolled_cut,cost_jkk,cost_jkm,\
         cost_jht,declared_income,benefits_per_apbd_rupiah,unpaid_by_payers,enrolled_aged_out"
    );
    let rows: Vec<&str> = lines.collect();
    // 13 kabupaten/kota × 5 years + 5 TOTAL rows.
    assert_eq!(rows.len(), 13 * 5 + 5);
    assert_eq!(rows.iter().filter(|r| r.starts_with("TOTAL,")).count(), 5);
    // Plain numbers: no thousands separators, '.' as decimal point; cost columns add up.
    let columns: Vec<&str> = header.split(',').collect();
    let at = |name: &str| {
        columns
            .iter()
            .position(|c| *c == name)
            .unwrap_or(usize::MAX)
    };
    for row in &rows {
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells.len(), columns.len(), "{row}");
        let total: i64 = cells[at("cost_total")].parse().unwrap_or(-1);
        let sum_of = |names: &[&str]| -> i64 {
            names
                .iter()
                .map(|name| cells[at(name)].parse::<i64>().unwrap_or(i64::MIN / 16))
                .sum()
        };
        let payers = [
            "cost_apbd_kabkota",
            "cost_apbd_provinsi",
            "cost_apbdes",
            "cost_dbh_cht",
            "cost_csr",
            "cost_baznas",
            "cost_lainnya",
        ];
        assert_eq!(total, sum_of(&payers), "{row}");
        // The same cost by programme (appended columns).
        assert_eq!(
            total,
            sum_of(&["cost_jkk", "cost_jkm", "cost_jht"]),
            "{row}"
        );
        assert!(cells[at("coverage_pct")].parse::<f64>().is_ok(), "{row}");
    }
}

#[test]
fn run_csv_writes_a_file() {
    let dir = temp_dir();
    let out_file = dir.path().join("out.csv");
    let out_name = out_file.display().to_string();
    let out = lindung(&["run", PALU, "--csv", &out_name]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(&out_file).unwrap_or_default();
    // Header + 5 years of Kota Palu + 5 TOTAL rows.
    assert_eq!(text.lines().count(), 11);
    assert!(
        text.lines()
            .nth(1)
            .unwrap_or_default()
            .starts_with("Kota Palu,2026,")
    );
}

#[test]
fn garbage_never_panics() {
    let dir = temp_dir();
    for (name, text) in [
        ("empty.ron", ""),
        ("junk.ron", "\u{0}\u{1}((((]]]"),
        ("deep.ron", &"(".repeat(10_000)),
        ("number.ron", "42"),
        ("newer.ron", "(version: 99)"),
    ] {
        let file = write_temp(&dir, name, text);
        for command in ["check", "run"] {
            let out = lindung(&[command, &file]);
            assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
            assert!(
                !stderr(&out).contains("panicked"),
                "{name}: {}",
                stderr(&out)
            );
            assert!(stderr(&out).starts_with(&file), "{name}: {}", stderr(&out));
        }
    }
    let out = lindung(&["check", "no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/file.ron: tidak dapat membaca berkas"));
}

#[test]
fn fmt_rewrites_in_the_standard_layout() {
    let dir = temp_dir();
    let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(PALU))
        .unwrap_or_default();
    // Squash the indentation; fmt must restore the canonical bytes.
    let squashed: String = original
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("\n");
    let file = write_temp(&dir, "squashed.ron", &squashed);
    let out = lindung(&["fmt", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), original);
}

#[test]
fn run_region_shows_one_region_by_code_or_name() {
    let out = lindung(&["run", SULTENG, "--region", "72.10"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Kabupaten Sigi (72.10)"), "{text}");
    assert!(!text.contains("TOTAL"), "{text}");
    assert!(!text.contains("Kota Palu (72.71)"), "{text}");
    let by_name = stdout(&lindung(&["run", SULTENG, "--region", "kota palu"]));
    assert!(by_name.contains("Kota Palu (72.71)"), "{by_name}");
    // An unknown region is a usage error that lists the regions there are.
    let out = lindung(&["run", SULTENG, "--region", "99.99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("72.10 (Kabupaten Sigi)"),
        "{}",
        stderr(&out)
    );
    // The CSV always holds every region and the total.
    assert_eq!(
        lindung(&["run", SULTENG, "--region", "72.10", "--csv", "-"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn a_mistyped_command_gets_the_command_it_meant() {
    let out = lindung(&["chek", PALU]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(
        text.contains("perintah \"chek\" tidak dikenal")
            && text.contains(&format!("lindung check {PALU}")),
        "{text}"
    );
}

#[test]
fn a_region_is_found_as_the_app_finds_it() {
    // "palu" is Kota Palu; "Banggai" is Kabupaten Banggai (its name without "Kabupaten"),
    // although Banggai Kepulauan and Banggai Laut contain it too; "utara" finds only Morowali
    // Utara, "banggai laut" only Banggai Laut, "72.10" is Sigi.
    for (wanted, shown) in [
        ("palu", "Kota Palu"),
        ("Banggai", "Kabupaten Banggai"),
        ("utara", "Kabupaten Morowali Utara"),
        ("banggai laut", "Kabupaten Banggai Laut"),
        ("72.10", "Kabupaten Sigi"),
    ] {
        let out = lindung(&["run", SULTENG, "--region", wanted]);
        assert_eq!(out.status.code(), Some(0), "{wanted}: {}", stderr(&out));
        assert!(stdout(&out).contains(shown), "{wanted}");
    }
    // Text that finds several regions asks for more: "ali" is in both Morowalis.
    let out = lindung(&["run", SULTENG, "--region", "ali"]);
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("Morowali Utara"));
}

#[test]
fn the_run_table_fits_100_characters_and_shows_chosen_columns() {
    for file in [PALU, SULTENG, "scenarios/sigi-anggaran-2026.ron"] {
        let text = stdout(&lindung(&["run", file]));
        let widest = text
            .lines()
            .filter(|l| l.starts_with('|'))
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        assert!((1..=100).contains(&widest), "{file}: {widest}\n{text}");
    }
    // The payer split on request: Sulteng's province pays half of every region's cost.
    let text = stdout(&lindung(&["run", SULTENG, "--columns", "cost,payers"]));
    let header = text
        .lines()
        .find(|l| l.starts_with("| Tahun"))
        .unwrap_or_default();
    assert!(
        header.contains("Biaya iuran") && header.contains("APBD Provinsi"),
        "{header}"
    );
    assert!(!header.contains("UCJ"), "{header}");
}

#[test]
fn with_no_display_the_app_says_how_to_work_without_one() {
    let out = Command::new(env!("CARGO_BIN_EXE_lindung"))
        .arg(PALU)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.contains("tidak ada layar"), "{text}");
    assert!(text.contains("there is no display"), "{text}");
    assert!(text.contains("lindung run BERKAS.ron"), "{text}");
    // No raw library error with a source path.
    assert!(!text.contains(".rs:"), "{text}");
}

#[test]
fn check_warns_about_input_that_is_probably_not_meant() {
    // The Sulteng example in the budget direction: every region's budget is Rp0.
    let text = std::fs::read_to_string(SULTENG)
        .unwrap_or_default()
        .replace("direction: CoverageTarget", "direction: BudgetCap");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("budget.ron");
    std::fs::write(&file, text).expect("writes");
    let out = lindung(&["check", &file.display().to_string()]);
    // Valid, so exit 0; each of the 13 regions is warned about, at its budget.
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let warnings: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| l.starts_with("peringatan: "))
        .map(str::to_owned)
        .collect();
    assert_eq!(warnings.len(), 13, "{warnings:?}");
    assert!(
        warnings[0]
            .contains("Wilayah 1 (Kabupaten Banggai) › Pagu APBD › Pagu tahun pertama: pagu Rp0"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[0].ends_with("[regions[0].budget.amount]"),
        "{}",
        warnings[0]
    );
}

/// The CSV's rows as records, read with `delimiter`.
fn records(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| match r {
            Ok(r) => r.iter().map(str::to_owned).collect(),
            Err(e) => panic!("{e}"),
        })
        .collect()
}

#[test]
fn run_of_several_files_starts_the_csv_with_the_scenario() {
    let out = lindung(&["run", PALU, SULTENG, "--csv", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = records(&stdout(&out), b',');
    let single = records(&stdout(&lindung(&["run", PALU, "--csv", "-"])), b',');
    // A `scenario` column first, then today's columns unchanged.
    assert_eq!(rows[0][0], "scenario");
    assert_eq!(rows[0][1..], single[0][..]);
    // Palu: 5 years + 5 TOTAL; Sulteng: 13 regions × 5 years + 5 TOTAL.
    assert_eq!(rows.len(), 1 + 10 + 70);
    assert!(rows[1..11].iter().all(|r| r[0] == "palu-2026.ron"));
    assert!(rows[11..].iter().all(|r| r[0] == "sulteng-2026.ron"));
    // Kota Palu 2026 pays for all 60.426 workers the whole year at Rp16.800 a month:
    // 60.426 × 16.800 × 12 = Rp12.181.881.600.
    let at = |name: &str| rows[0].iter().position(|c| c == name).unwrap_or(0);
    assert_eq!(rows[1][at("region")], "Kota Palu");
    assert_eq!(rows[1][at("cost_total")], "12181881600");

    // The readable report shows each file under its name; a broken file stops the run with
    // its problem and writes nothing.
    let text = stdout(&lindung(&["run", PALU, SULTENG]));
    assert!(text.contains("== palu-2026.ron ==") && text.contains("== sulteng-2026.ron =="));
    let dir = temp_dir();
    let broken = write_temp(&dir, "rusak.ron", "(version: 2, meta: (");
    let out = lindung(&["run", PALU, &broken, "--csv", "-"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    assert!(stderr(&out).contains("rusak.ron"), "{}", stderr(&out));
}

#[test]
fn the_indonesian_csv_dialect_opens_in_excel_and_holds_the_same_numbers() {
    let standard = stdout(&lindung(&["run", PALU, "--csv", "-"]));
    let out = lindung(&["run", PALU, "--csv", "-", "--csv-dialect", "id"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = out.stdout;
    // UTF-8 with a byte-order mark, `;` between fields, decimal comma.
    assert_eq!(&bytes[..3], b"\xef\xbb\xbf");
    let text = String::from_utf8_lossy(&bytes[3..]).into_owned();
    let (id, plain) = (records(&text, b';'), records(&standard, b','));
    assert_eq!(id[0], plain[0]);
    assert_eq!(id.len(), plain.len());
    let coverage = plain[0].iter().position(|c| c == "ucj_pct").unwrap_or(0);
    assert!(id[1][coverage].contains(','), "{:?}", id[1]);
    for (a, b) in id.iter().zip(&plain).skip(1) {
        for (x, y) in a.iter().zip(b) {
            assert_eq!(x.replace(',', "."), *y);
        }
    }
    // The dialect is an option of the CSV only.
    assert_eq!(
        lindung(&["run", PALU, "--csv-dialect", "id"]).status.code(),
        Some(2)
    );
}

#[test]
fn diff_tells_which_inputs_differ_and_exits_like_diff() {
    // The same file: nothing differs, exit 0.
    let out = lindung(&["diff", PALU, PALU]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("Tidak ada masukan yang berbeda"));
    // Another office's copy with a higher pool and its own source: exit 1, one row each.
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(PALU))
        .unwrap_or_default();
    let changed = text.replacen("count: 60426", "count: 61000", 1);
    assert_ne!(changed, text, "the example's pool is 60.426");
    let dir = temp_dir();
    let other = write_temp(&dir, "palu-disnaker.ron", &changed);
    let out = lindung(&["diff", PALU, &other]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("1 masukan berbeda"), "{table}");
    assert!(
        table.contains("Jumlah sasaran") && table.contains("61.000"),
        "{table}"
    );
    let out = lindung(&["diff", PALU, &other, "--csv", "-"]);
    let rows = records(&stdout(&out), b',');
    assert_eq!(
        rows[0],
        [
            "field", "value_a", "value_b", "source_a", "source_b", "place"
        ]
    );
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][..3], ["regions[0].pool.count", "60426", "61000"]);
    // A file that cannot be read: exit 2 with its problem.
    let out = lindung(&["diff", PALU, "tidak-ada.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("tidak-ada.ron"), "{}", stderr(&out));
}
