//! The scenario files as a public interface: every example in `scenarios/` loads, validates,
//! runs and saves back byte for byte; damaged files give located problems and never panic;
//! a scenario can bring its own rule set.

use std::path::{Path, PathBuf};

use lindung::i18n::Lang;
use lindung::model::Projection;
use lindung::model::defaults::{january_wave, new_plan, region};
use lindung::model::plan::{
    Basis, CoveragePath, Direction, Level, Payer, PayerKind, Plan, Region, RulePeriod, RuleSet,
    ScholarshipRule, SchoolStage, YearMonth,
};
use lindung::scenario::{Location, Problem, evaluate, load, parse, save, to_ron_string, validate};

// ---------------------------------------------------------------------------------------------
// Helpers

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
}

/// Every `.ron` file in `scenarios/`, sorted by name, so new examples are covered automatically.
fn example_files() -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(scenarios_dir()) {
        Ok(entries) => entries,
        Err(e) => panic!("cannot list {}: {e}", scenarios_dir().display()),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    assert!(
        files.iter().any(|f| f.ends_with("palu-2026.ron")),
        "the Kota Palu example is missing from {files:?}"
    );
    files
}

fn read_text(path: &Path) -> String {
    match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

fn palu_text() -> String {
    read_text(&scenarios_dir().join("palu-2026.ron"))
}

fn parsed(text: &str) -> Plan {
    match parse(text) {
        Ok(loaded) => loaded.plan,
        Err(problems) => panic!("{}", describe(&problems)),
    }
}

fn run(s: &Plan) -> Projection {
    match evaluate(s) {
        Ok(p) => p,
        Err(problems) => panic!("{}", describe(&problems)),
    }
}

fn describe(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.render("scenario", Lang::En))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The single problem from parsing `text`, which must fail; reading stops at it, so the note
/// that later problems may be hidden follows it.
fn parse_problem(text: &str) -> Problem {
    match parse(text) {
        Ok(_) => panic!("expected a parse error for:\n{text}"),
        Err(mut problems) => {
            assert_eq!(problems.len(), 2, "{}", describe(&problems));
            assert_eq!(problems[1].key, "problem.more_may_follow");
            problems.remove(0)
        }
    }
}

/// `text` with the first occurrence of `from` replaced by `to`, and the 1-based line and
/// column where the replacement starts.
fn replace_once(text: &str, from: &str, to: &str) -> (String, usize, usize) {
    let Some(at) = text.find(from) else {
        panic!("{from:?} not found in the example");
    };
    let (line, column) = line_col(text, at);
    (text.replacen(from, to, 1), line, column)
}

/// 1-based line and column (in characters) of byte offset `at`.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Byte offset of a 1-based line and column (in characters), if it is inside `text` (the
/// column just after a line's last character counts).
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line == 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[line_start..];
    let line_text = rest.split('\n').next().unwrap_or("");
    match line_text.char_indices().nth(column - 1) {
        Some((i, _)) => Some(line_start + i),
        None if column - 1 == line_text.chars().count() => Some(line_start + line_text.len()),
        None => None,
    }
}

fn text_location(problem: &Problem) -> (usize, usize) {
    match problem.location {
        Location::Text { line, column } => (line, column),
        ref other => panic!("expected a line and column, got {other:?}: {problem:?}"),
    }
}

/// The validation problems of a scenario at `path` (field path), which must exist.
fn field_problem<'a>(problems: &'a [Problem], path: &str) -> &'a Problem {
    match problems.iter().find(|p| p.location.to_string() == path) {
        Some(p) => p,
        None => panic!("no problem at {path}; got:\n{}", describe(problems)),
    }
}

/// Byte offsets where an inserted character would land inside a string literal (from just
/// after the opening quote up to and including the closing quote) or in the first-line comment.
fn in_string_mask(text: &str) -> Vec<bool> {
    let mut mask = vec![false; text.len() + 1];
    let mut inside = false;
    let mut escaped = false;
    // The examples' first line is a comment (the Lindung that saved them): text inserted up to
    // its end stays in the comment.
    let comment_end = if text.starts_with("//") {
        text.find('\n').unwrap_or(text.len())
    } else {
        0
    };
    for (i, b) in text.bytes().enumerate() {
        if i < comment_end {
            mask[i] = true;
        } else if inside {
            mask[i] = true;
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                inside = false;
            }
        } else if b == b'"' {
            inside = true;
        }
    }
    mask
}

// ---------------------------------------------------------------------------------------------
// The examples

#[test]
fn every_example_loads_validates_runs_and_saves_byte_identically() {
    let out = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("temp dir: {e}"),
    };
    for path in example_files() {
        let name = path.display().to_string();
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => panic!("{name}: {e}"),
        };
        let scenario = match load(&path) {
            Ok(loaded) => {
                assert!(
                    loaded.migration.is_none(),
                    "{name} is not in the current version"
                );
                loaded.plan
            }
            Err(problems) => panic!("{name}:\n{}", describe(&problems)),
        };
        let problems = validate(&scenario);
        assert!(problems.is_empty(), "{name}:\n{}", describe(&problems));
        let projection = run(&scenario);
        assert_eq!(projection.regions.len(), scenario.regions.len(), "{name}");
        assert_eq!(
            projection.total.len(),
            scenario.horizon.years as usize,
            "{name}"
        );

        // Canonical layout: the text of the loaded scenario is the file, byte for byte.
        let text = match to_ron_string(&scenario) {
            Ok(text) => text,
            Err(problem) => panic!("{name}: {problem:?}"),
        };
        assert!(
            text.as_bytes() == bytes.as_slice(),
            "{name} is not in the canonical layout: run `lindung fmt {name}`"
        );

        // Saving (atomically, to another folder) writes the same bytes.
        let copy = out.path().join(path.file_name().unwrap_or_default());
        if let Err(problem) = save(&copy, &scenario) {
            panic!("{name}: {problem:?}");
        }
        let saved = match std::fs::read(&copy) {
            Ok(saved) => saved,
            Err(e) => panic!("{}: {e}", copy.display()),
        };
        assert!(saved == bytes, "{name}: saved bytes differ from the file");
    }
}

/// With the built-in rule set, no JHT and the Rp1.000.000 declared income, each member-month
/// costs JKK 1% × Rp1.000.000 + JKM Rp6.800 = Rp16.800, so a year's contributions are
/// member-years × 12 × Rp16.800, and the payers' parts add up to it.
#[test]
fn example_costs_are_members_times_the_monthly_contribution() {
    let mut checked = 0;
    for path in example_files() {
        let name = path.display().to_string();
        let scenario = parsed(&read_text(&path));
        if scenario.programme.jht
            || scenario.programme.declared_income.value != 1_000_000
            || scenario.meta.rule_set != "permenaker_5_2021"
            || !scenario.rule_sets.is_empty()
        {
            continue;
        }
        let projection = run(&scenario);
        for (i, region) in projection.regions.iter().enumerate() {
            for row in &region.years {
                let member_months = (row.member_years * 12.0).round() as i64;
                assert_eq!(
                    row.cost_total,
                    member_months * 16_800,
                    "{name} region {i} year {}",
                    row.year
                );
                assert_eq!(row.cost_by_payer.iter().sum::<i64>(), row.cost_total);
                assert!(row.enrolled_end <= row.pool, "{name} region {i}");
                checked += 1;
            }
        }
    }
    assert!(checked > 0, "no example uses the standard package");
}

/// The Sulawesi Tengah example splits provincial figures over its 13 kabupaten/kota: the parts
/// must add up to the provincial totals they were derived from.
#[test]
fn sulteng_example_adds_up_to_the_provincial_figures() {
    let s = parsed(&read_text(&scenarios_dir().join("sulteng-2026.ron")));
    assert_eq!(s.meta.level, Level::Provinsi);
    assert_eq!(s.meta.code, "72");
    let codes: Vec<&str> = s.regions.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "72.01", "72.02", "72.03", "72.04", "72.05", "72.06", "72.07", "72.08", "72.09",
            "72.10", "72.11", "72.12", "72.71"
        ]
    );
    let sum = |f: fn(&Region) -> i64| s.regions.iter().map(f).sum::<i64>();
    // BPS Sulteng, Feb 2024: employed 1.525.660.
    assert_eq!(sum(|r| r.workforce.employed), 1_525_660);
    // BPJS TK Sulteng, 21 Aug 2025: PU 338.080, BPU 156.255, Jakon 38.345.
    assert_eq!(sum(|r| r.workforce.covered_pu), 338_080);
    assert_eq!(sum(|r| r.workforce.covered_bpu), 156_255);
    assert_eq!(sum(|r| r.workforce.covered_jakon), 38_345);
    // Pool: the poorest 40% of 1.002.420 informal workers = 400.968.
    assert_eq!(sum(|r| r.pool.count), 400_968);
    // Parigi Moutong's Dana Desa pays for 13.900 workers.
    let parimo = &s.regions[7];
    assert!(
        parimo
            .funding
            .payers
            .iter()
            .any(|p| p.kind == PayerKind::ApbDesa && p.basis == Basis::Workers(13_900))
    );
    for r in &s.regions {
        assert!(r.coverage.start_pct <= 100.0, "{}", r.name);
    }
    // UCJ at the start: (532.680 others + members) ÷ 1.525.660 ≥ 34,9%, and it rises.
    let p = run(&s);
    let first = p.total[0].ucj_pct();
    let last = p.total[p.total.len() - 1].ucj_pct();
    assert!(first > 100.0 * 532_680.0 / 1_525_660.0);
    assert!(last > first && last <= 71.0, "UCJ {first} → {last}");
}

/// Kab. Sigi, Rp3.000.000.000 a year, waves in January (70%) and September (30%).
#[test]
fn sigi_budget_example_buys_what_the_budget_allows() {
    let s = parsed(&read_text(&scenarios_dir().join("sigi-anggaran-2026.ron")));
    assert_eq!(s.direction, Direction::BudgetCap);
    let p = run(&s);
    for row in &p.total {
        assert_eq!(row.budget, Some(3_000_000_000));
        assert!(row.cost_total <= 3_000_000_000, "{}", row.year);
    }
    // A full year keeps Rp3.000.000.000 ÷ Rp201.600 = 14.880,95 → 14.880 workers. In the
    // second year 14.880 / 48 = 310 pass 65 and leave (ages 18–65 spread evenly); their 310
    // replacements join 70% in January (217) and 30% in September (93): 14.787 × 201.600 +
    // 93 × 67.200 = 2.981.059.200 + 6.249.600 = Rp2.987.308.800.
    let second = &p.total[1];
    assert_eq!(second.enrolled_aged_out, 310);
    assert_eq!(second.enrolled_end, 14_880);
    assert_eq!(second.cost_total, 2_987_308_800);
    // First year: a January member costs 12 × 16.800 = 201.600, a September one 4 × 16.800
    // = 67.200; 70/30 gives 0,7 × 201.600 + 0,3 × 67.200 = Rp161.280 per new worker on
    // average, so about 3.000.000.000 ÷ 161.280 ≈ 18.601 could join — more than a full year
    // can carry. The example enrols sustainably: only the 14.880 the later years keep, and
    // nobody is cut.
    let first = &p.total[0];
    assert_eq!(first.enrolled_end, 14_880);
    assert!(p.total.iter().all(|row| row.enrolled_cut == 0));
}

// ---------------------------------------------------------------------------------------------
// Damaged files

#[test]
fn truncated_examples_give_located_errors() {
    for path in example_files() {
        let name = path.display().to_string();
        let text = read_text(&path);
        // Cutting off the final `)` (and anything after it) must fail; shorter cuts only
        // remove whitespace after it and may still parse.
        let Some(last_paren) = text.rfind(')') else {
            panic!("{name}: no closing parenthesis");
        };
        // Every offset for small files (Kota Palu), about 1.500 cuts for larger ones.
        let stride = if text.len() <= 8_000 {
            1
        } else {
            text.len() / 1_500
        };
        let cuts = (0..last_paren)
            .step_by(stride)
            .chain(last_paren.saturating_sub(40)..last_paren)
            .filter(|&cut| text.is_char_boundary(cut));
        for cut in cuts {
            let prefix = &text[..cut];
            let problems = match parse(prefix) {
                Ok(_) => panic!("{name}: cut at byte {cut} still parses"),
                Err(problems) => problems,
            };
            // One located problem, and at most the note that more may follow it.
            let notes = &problems[1..];
            assert!(
                notes.len() <= 1 && notes.iter().all(|p| p.key == "problem.more_may_follow"),
                "{name} cut at {cut}: {}",
                describe(&problems)
            );
            let (line, column) = text_location(&problems[0]);
            let lines = prefix.matches('\n').count() + 1;
            assert!(
                line >= 1 && line <= lines && column >= 1,
                "{name} cut at {cut}: error at {line}:{column}, text has {lines} lines"
            );
            assert!(!problems[0].message(Lang::En).is_empty());
        }
        // The cuts after the final `)`: whatever they return, they return.
        for cut in last_paren..=text.len() {
            let _ = parse(&text[..cut]);
        }
    }
}

#[test]
fn garbage_characters_give_located_errors_and_never_panic() {
    // A small deterministic generator (64-bit LCG) for positions.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize % bound
    };
    for path in example_files() {
        let name = path.display().to_string();
        let text = read_text(&path);
        let mask = in_string_mask(&text);
        // 300 places in small files, fewer in large ones to keep the test fast.
        let rounds = (2_000_000 / text.len()).clamp(50, 300);
        for _ in 0..rounds {
            let at = next(text.len());
            if !text.is_char_boundary(at) {
                continue;
            }
            // `@` is not part of RON outside strings: inserted there it must be reported at
            // the `@` itself.
            let mut damaged = text.clone();
            damaged.insert(at, '@');
            let result = parse(&damaged);
            if !mask[at] {
                let problems = match result {
                    Ok(_) => panic!("{name}: `@` at byte {at} still parses"),
                    Err(problems) => problems,
                };
                let (line, column) = text_location(&problems[0]);
                let Some(reported) = byte_offset(&damaged, line, column) else {
                    panic!("{name}: `@` at byte {at}: {line}:{column} is outside the text");
                };
                assert!(
                    reported == at,
                    "{name}: `@` at byte {at} ({:?}) reported at {line}:{column}: {}",
                    line_col(&damaged, at),
                    describe(&problems)
                );
            }
            // Other garbage anywhere: any result, but no panic.
            for garbage in [
                "\"", "(", ")", ",", "\u{0}", "é", "-", "9", "//", "/*", "r#",
            ] {
                let mut damaged = text.clone();
                damaged.insert_str(at, garbage);
                let _ = parse(&damaged);
            }
            // Replace the character at `at` with another.
            if let Some(ch) = text[at..].chars().next() {
                for replacement in ['x', '0', ':', ' ', '"', ']'] {
                    let mut damaged = text.clone();
                    damaged.replace_range(at..at + ch.len_utf8(), &replacement.to_string());
                    let _ = parse(&damaged);
                }
            }
        }
    }
}

#[test]
fn misspelt_field_is_located_with_a_suggestion() {
    let (text, line, column) = replace_once(&palu_text(), "count: 60426", "cuont: 60426");
    let problem = parse_problem(&text);
    assert_eq!(problem.key, "problem.unknown_field_suggest");
    let (found_line, found_column) = text_location(&problem);
    assert_eq!(found_line, line);
    assert_eq!(found_column, column);
    let message = problem.message(Lang::En);
    assert!(message.contains("\"cuont\""), "{message}");
    assert!(message.contains("did you mean \"count\""), "{message}");
    // The rendered form names the place as file:line:column.
    assert!(
        problem
            .render("palu.ron", Lang::En)
            .starts_with(&format!("palu.ron:{line}:{column}: "))
    );
}

#[test]
fn missing_field_is_reported_by_name_in_its_struct() {
    let palu = palu_text();
    let (text, removed_line, _) = replace_once(&palu, "                age_max: 65,\n", "");
    let problem = parse_problem(&text);
    assert_eq!(problem.key, "problem.missing_field");
    assert!(problem.message(Lang::En).contains("\"age_max\""));
    // Reported inside the pool block: from its `pool: (` line to the line that closes it,
    // which is now two lines below the removed one (`source: …` then `),`).
    let (pool_line, _) = line_col(&text, text.find("pool: (").unwrap_or(0));
    let (line, _) = text_location(&problem);
    assert!(
        (pool_line..=removed_line + 1).contains(&line),
        "missing field reported at line {line}, pool block is lines {pool_line}–{}",
        removed_line + 1
    );
}

#[test]
fn unknown_enum_variant_is_located_and_lists_the_choices() {
    let (text, line, _) = replace_once(
        &palu_text(),
        "direction: CoverageTarget",
        "direction: CoverageTargets",
    );
    let problem = parse_problem(&text);
    assert_eq!(problem.key, "problem.unknown_variant");
    assert_eq!(text_location(&problem).0, line);
    let message = problem.message(Lang::En);
    assert!(message.contains("CoverageTargets"), "{message}");
    assert!(
        message.contains("CoverageTarget") && message.contains("BudgetCap"),
        "{message}"
    );
}

#[test]
fn wrong_kind_of_value_is_located() {
    let (text, line, _) = replace_once(&palu_text(), "count: 60426", "count: \"banyak\"");
    let problem = parse_problem(&text);
    assert_eq!(text_location(&problem).0, line);
}

#[test]
fn negative_pool_count_is_reported_at_its_field_path() {
    let (text, _, _) = replace_once(&palu_text(), "count: 60426", "count: -5");
    let scenario = parsed(&text);
    let problems = validate(&scenario);
    let problem = field_problem(&problems, "regions[0].pool.count");
    assert_eq!(problem.message(Lang::En), "must be ≥ 0");
    assert!(
        problem
            .render("palu.ron", Lang::En)
            .starts_with("palu.ron: Region 1 (Kota Palu) › Target pool › Pool size: ")
    );
    assert!(evaluate(&scenario).is_err());
}

#[test]
fn nan_percentage_is_reported_at_its_field_path() {
    let (text, _, _) = replace_once(&palu_text(), "start_pct: 100.0", "start_pct: NaN");
    let scenario = parsed(&text);
    assert!(scenario.regions[0].coverage.start_pct.is_nan());
    let problems = validate(&scenario);
    let problem = field_problem(&problems, "regions[0].coverage.start_pct");
    assert_eq!(problem.key, "problem.not_finite");
    assert!(evaluate(&scenario).is_err());

    // Infinity in a share of a wave, the same.
    let (text, _, _) = replace_once(&palu_text(), "share_pct: 30.0", "share_pct: inf");
    let problems = validate(&parsed(&text));
    assert_eq!(
        field_problem(&problems, "regions[0].coverage.waves[1].share_pct").key,
        "problem.not_finite"
    );
}

#[test]
fn payer_shares_over_100_percent_are_reported() {
    let mut scenario = parsed(&palu_text());
    let payer = |kind, pct| Payer {
        kind,
        basis: Basis::Share(pct),
        source: "test".to_owned(),
    };
    // 60% + 50,5% = 110,5% > 100%.
    scenario.regions[0].funding.payers = vec![
        payer(PayerKind::ApbdProvinsi, 60.0),
        payer(PayerKind::Csr, 50.5),
    ];
    let problems = validate(&scenario);
    let problem = field_problem(&problems, "regions[0].funding.payers");
    assert_eq!(problem.key, "problem.shares_over_100");
    assert!(problem.message(Lang::En).contains("110.5"));
    // Exactly 100% is allowed.
    scenario.regions[0].funding.payers = vec![
        payer(PayerKind::ApbdProvinsi, 60.0),
        payer(PayerKind::Csr, 40.0),
    ];
    assert!(validate(&scenario).is_empty());
}

/// The bundled Palu example without its first line (the Lindung that saved it), as a file
/// written by hand or by a Lindung before that line existed.
fn palu_without_saved_with() -> String {
    let text = palu_text();
    let (first, rest) = text.split_once('\n').unwrap_or_default();
    assert!(first.starts_with("// Disimpan dengan Lindung "), "{first}");
    rest.to_owned()
}

#[test]
fn newer_file_version_is_refused_with_a_clear_message() {
    let (text, _, _) = replace_once(&palu_without_saved_with(), "version: 2,", "version: 99,");
    // The one problem: nothing else is read from a newer file.
    let problem = match parse(&text) {
        Ok(_) => panic!("a newer file was read"),
        Err(problems) if problems.len() == 1 => problems[0].clone(),
        Err(problems) => panic!("{}", describe(&problems)),
    };
    assert_eq!(problem.location, Location::File);
    assert_eq!(problem.key, "problem.version_newer");
    let message = problem.message(Lang::En);
    assert!(message.contains("newer Lindung"), "{message}");
    assert!(message.contains("99"), "{message}");
}

#[test]
fn the_first_line_names_the_lindung_that_saved_the_file_and_is_never_needed() {
    let version = env!("CARGO_PKG_VERSION");
    let plan = parsed(&palu_text());
    let text = match to_ron_string(&plan) {
        Ok(text) => text,
        Err(problem) => panic!("{problem:?}"),
    };
    let (first, body) = text.split_once('\n').unwrap_or_default();
    assert_eq!(
        first,
        format!("// Disimpan dengan Lindung {version} / saved with Lindung {version}")
    );
    // Read back, it names the version, and it is not one of the file's comments (which saving
    // over the file would drop, and asks about first).
    let loaded = match parse(&text) {
        Ok(loaded) => loaded,
        Err(problems) => panic!("{}", describe(&problems)),
    };
    assert_eq!(loaded.saved_with.as_deref(), Some(version));
    assert_eq!(loaded.comments, 0);
    let commented = match parse(&format!("{text}// catatan kantor\n")) {
        Ok(loaded) => loaded,
        Err(problems) => panic!("{}", describe(&problems)),
    };
    assert_eq!(commented.comments, 1);
    // Without the line, or naming a Lindung newer than this one, the file opens the same.
    assert_eq!(parsed(body), plan);
    assert!(matches!(parse(body), Ok(loaded) if loaded.saved_with.is_none()));
    let newer = format!("// Disimpan dengan Lindung 7.3.0 / saved with Lindung 7.3.0\n{body}");
    assert_eq!(parsed(&newer), plan);
    assert!(matches!(parse(&newer), Ok(l) if l.saved_with.as_deref() == Some("7.3.0")));
    // The fingerprint in reports is taken from the text after the line: the same for the same
    // scenario whichever Lindung saved it.
    assert_eq!(
        lindung::scenario::plan_text(&plan).ok().as_deref(),
        Some(body)
    );
    // A newer format saved by a named Lindung: the message says which Lindung to get.
    let (future, _, _) = replace_once(&newer, "version: 2,", "version: 3,");
    let problems = match parse(&future) {
        Ok(_) => panic!("a newer file was read"),
        Err(problems) => problems,
    };
    assert_eq!(problems.len(), 1, "{}", describe(&problems));
    assert_eq!(problems[0].key, "problem.version_newer_saved_with");
    let message = problems[0].message(Lang::En);
    assert!(message.contains("saved with Lindung 7.3.0"), "{message}");
    assert!(
        message.contains("update Lindung to 7.3.0 or newer"),
        "{message}"
    );
    assert!(
        message.contains(&format!("this Lindung ({version})")),
        "{message}"
    );
    let pesan = problems[0].message(Lang::Id);
    assert!(pesan.contains("perbarui Lindung ke 7.3.0"), "{pesan}");
}

#[test]
fn non_utf8_and_missing_files_give_problems() {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("temp dir: {e}"),
    };
    let mut bytes = palu_text().into_bytes();
    // 0xFF never occurs in UTF-8; put it inside the title string.
    let at = bytes.iter().position(|&b| b == b'K').unwrap_or(0);
    bytes.insert(at, 0xFF);
    let path = dir.path().join("latin1.ron");
    if let Err(e) = std::fs::write(&path, &bytes) {
        panic!("{e}");
    }
    match load(&path) {
        Ok(_) => panic!("non-UTF-8 file loaded"),
        Err(problems) => {
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].key, "problem.not_utf8");
            assert_eq!(problems[0].location, Location::File);
        }
    }
    match load(&dir.path().join("missing.ron")) {
        Ok(_) => panic!("a missing file loaded"),
        Err(problems) => {
            assert_eq!(problems[0].key, "problem.read");
            assert_eq!(problems[0].location, Location::File);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rule sets defined in the scenario

/// A rule period with the Permenaker 5/2021 benefits and the given contributions.
fn period(year: i32, month: u32, jkk_pct: f64, jkm_per_month: i64, note: &str) -> RulePeriod {
    let stage = |per_year, years| SchoolStage { per_year, years };
    RulePeriod {
        from: YearMonth { year, month },
        note: note.to_owned(),
        jkk_pct,
        jkm_per_month,
        jht_pct: 2.0,
        jkm_death_benefit: 42_000_000,
        funeral_benefit: 10_000_000,
        jkm_waiting_months: 3,
        jkk_death_income_multiple: 48,
        jkk_death_extra: 22_000_000,
        scholarship: ScholarshipRule {
            max_children: 2,
            jkm_min_membership_months: 36,
            tk: stage(1_500_000, 2),
            sd: stage(1_500_000, 6),
            smp: stage(2_000_000, 3),
            sma: stage(3_000_000, 3),
            pt: stage(12_000_000, 5),
            lump_sum: 0,
        },
    }
}

/// One kabupaten with 1.000 workers, all enrolled from January (start 100%, no growth),
/// under a rule set of this file with a six-month 50% relief from January 2026.
fn relief_scenario() -> Plan {
    let mut s = new_plan(2026);
    s.horizon.years = 2;
    s.meta.code = "72.10".to_owned();
    s.meta.rule_set = "keringanan_2026".to_owned();
    s.rule_sets = vec![RuleSet {
        id: "keringanan_2026".to_owned(),
        title: "Relief: 50% off JKK and JKM, January–June 2026 (test)".to_owned(),
        source: "test".to_owned(),
        income_brackets: None,
        periods: vec![
            period(2026, 1, 0.5, 3_400, "relief: half of JKK and JKM"),
            period(2026, 7, 1.0, 6_800, "normal rates again"),
        ],
    }];
    let mut r = region("Kab. Contoh", Level::Kabupaten, "72.10");
    r.pool.count = 1_000;
    r.pool.growth_pct = 0.0;
    r.coverage.start_pct = 100.0;
    r.coverage.path = CoveragePath::Ramp { target_pct: 100.0 };
    r.coverage.waves = january_wave();
    s.regions = vec![r];
    s
}

#[test]
fn scenario_rule_set_with_a_relief_period_changes_the_cost() {
    let s = relief_scenario();
    assert!(validate(&s).is_empty(), "{}", describe(&validate(&s)));
    let p = run(&s);
    let first = &p.regions[0].years[0];
    assert_eq!(first.enrolled_end, 1_000);
    // January–June 2026 at relief rates: JKK 0,5% × Rp1.000.000 = Rp5.000, JKM Rp3.400
    // → Rp8.400 a month; July–December at normal rates: Rp10.000 + Rp6.800 = Rp16.800.
    // 6 × 1.000 × (5.000 + 3.400) + 6 × 1.000 × 16.800
    //   = 50.400.000 + 100.800.000 = Rp151.200.000.
    assert_eq!(first.cost_total, 151_200_000);
    assert_eq!(first.cost_of(PayerKind::ApbdKabKota), 151_200_000);
    // 2027 is all at normal rates: 12 × 1.000 × 16.800 = Rp201.600.000.
    assert_eq!(p.regions[0].years[1].cost_total, 201_600_000);

    // The same scenario under the built-in rule set: 2026 costs 12 × 1.000 × 16.800.
    let mut normal = s.clone();
    normal.meta.rule_set = "permenaker_5_2021".to_owned();
    assert_eq!(run(&normal).regions[0].years[0].cost_total, 201_600_000);
}

#[test]
fn scenario_rule_set_survives_saving_and_loading() {
    let s = relief_scenario();
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("temp dir: {e}"),
    };
    let path = dir.path().join("keringanan.ron");
    if let Err(problem) = save(&path, &s) {
        panic!("{problem:?}");
    }
    let loaded = match load(&path) {
        Ok(loaded) => loaded.plan,
        Err(problems) => panic!("{}", describe(&problems)),
    };
    assert_eq!(loaded, s);
    let text = read_text(&path);
    assert!(text.contains("keringanan_2026"));
    assert_eq!(run(&loaded).regions[0].years[0].cost_total, 151_200_000);
}

#[test]
fn unknown_rule_set_is_reported() {
    let mut s = relief_scenario();
    s.meta.rule_set = "tidak_ada".to_owned();
    let problems = validate(&s);
    let problem = field_problem(&problems, "meta.rule_set");
    assert_eq!(problem.key, "problem.unknown_rule_set");
    let message = problem.message(Lang::En);
    assert!(
        message.contains("keringanan_2026") && message.contains("permenaker_5_2021"),
        "{message}"
    );
}

/// The annotated example in the README is a real, valid scenario.
#[test]
fn readme_example_is_a_valid_scenario() {
    let readme = read_text(&Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"));
    let Some(start) = readme.find("```ron\n") else {
        panic!("README has no ```ron block");
    };
    let block = &readme[start + "```ron\n".len()..];
    let Some(end) = block.find("```") else {
        panic!("README's ```ron block is not closed");
    };
    let s = parsed(&block[..end]);
    assert!(validate(&s).is_empty(), "{}", describe(&validate(&s)));
    // Province pays half; Dana Desa 500 workers; the kabupaten the rest: payers add up.
    let p = run(&s);
    for year in &p.total {
        assert_eq!(year.cost_by_payer.iter().sum::<i64>(), year.cost_total);
        assert_eq!(
            year.cost_of(PayerKind::ApbDesa),
            500 * 201_600,
            "500 workers × Rp201.600 a year"
        );
    }
}

#[test]
fn numbers_written_the_indonesian_way_are_all_listed_with_what_to_write() {
    // A decimal comma, a count with a thousands dot and an amount with thousands dots: each
    // is said plainly at its line and column, and reading goes on to list the next.
    let text = palu_text();
    let (text, rate_line, rate_col) = replace_once(&text, "value: 2.41,", "value: 2,41,");
    let (text, count_line, count_col) = replace_once(&text, "count: 60426,", "count: 60.426,");
    let (text, amount_line, amount_col) =
        replace_once(&text, "amount: 15000000000,", "amount: 15.000.000.000,");
    let problems = match parse(&text) {
        Ok(_) => panic!("the mistakes must be found"),
        Err(problems) => problems,
    };
    let said: Vec<(Location, String)> = problems
        .iter()
        .map(|p| (p.location.clone(), p.message(Lang::Id)))
        .collect();
    // The columns point at the number, after "value: ", "count: " and "amount: ".
    assert_eq!(
        said,
        [
            (
                Location::Text {
                    line: rate_line,
                    column: rate_col + 7
                },
                "angka desimal ditulis dengan titik di berkas skenario: tulis 2.41, bukan 2,41"
                    .to_owned()
            ),
            (
                Location::Text {
                    line: count_line,
                    column: count_col + 7
                },
                "angka ditulis tanpa pemisah ribuan di berkas skenario: tulis 60426, bukan 60.426"
                    .to_owned()
            ),
            (
                Location::Text {
                    line: amount_line,
                    column: amount_col + 8
                },
                "angka ditulis tanpa pemisah ribuan di berkas skenario: tulis 15000000000, bukan \
                 15.000.000.000"
                    .to_owned()
            ),
        ]
    );
    // Another syntax error after them stops the reading, and the list says more may follow.
    let (broken, _, _) = replace_once(&text, "growth_pct:", "growth_pct");
    let problems = match parse(&broken) {
        Ok(_) => panic!("the mistakes must be found"),
        Err(problems) => problems,
    };
    assert_eq!(
        problems.last().map(|p| p.key),
        Some("problem.more_may_follow"),
        "{}",
        describe(&problems)
    );
}

/// Messages about malformed text speak of parentheses, lists and names, never of Lindung's
/// own types (`VersionProbe`, `Meta` …), in both languages.
#[test]
fn syntax_messages_never_name_internal_types() {
    let palu = palu_text();
    let inputs = [
        "[1, 2]".to_owned(),
        "Skenario(version: 2)".to_owned(),
        "(version: 2, meta: 5)".to_owned(),
        palu.replacen("meta: (", "meta: [", 1),
        palu.replacen("regions: [", "regions: (", 1),
        format!("{palu} ekstra"),
    ];
    for text in &inputs {
        let problems = match parse(text) {
            Ok(_) => panic!("parsed:\n{text}"),
            Err(problems) => problems,
        };
        for lang in [Lang::Id, Lang::En] {
            for problem in &problems {
                let message = problem.message(lang);
                for internal in ["Probe", "struct", "enum", "`", "File", "Meta"] {
                    assert!(!message.contains(internal), "{message:?} for {text:.60}");
                }
            }
        }
    }
}
