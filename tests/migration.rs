//! Version 1 files, as released, keep opening: they are migrated to the current plan, say
//! what changed, and save as version 2. The fixtures in `tests/fixtures/v1/` are the bundled
//! examples exactly as Lindung 0.1 shipped them; never edit them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use lindung::i18n::Lang;
use lindung::model::Projection;
use lindung::model::plan::Mortality;
use lindung::model::plan::field::plan as root;
use lindung::scenario::{Loaded, Location, evaluate, load, parse, save, validate};

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1");
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => panic!("{}: {e}", dir.display()),
    };
    files.sort();
    assert_eq!(files.len(), 3, "{files:?}");
    files
}

fn fixture_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/v1")
        .join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// Whether `text` is as this Lindung saves: the line naming it, then a version 2 plan.
fn is_current(text: &str) -> bool {
    let version = env!("CARGO_PKG_VERSION");
    text.starts_with(&format!(
        "// Disimpan dengan Lindung {version} / saved with Lindung {version}\n(\n    version: 2,\n"
    ))
}

fn parsed(text: &str) -> Loaded {
    match parse(text) {
        Ok(loaded) => loaded,
        Err(problems) => panic!("{problems:?}"),
    }
}

fn run(plan: &lindung::model::Plan) -> Projection {
    match evaluate(plan) {
        Ok(p) => p,
        Err(problems) => panic!("{problems:?}"),
    }
}

/// `text` with `from` replaced exactly once.
fn replaced(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?}");
    text.replacen(from, to, 1)
}

fn note_keys(loaded: &Loaded) -> Vec<&'static str> {
    loaded
        .migration
        .as_ref()
        .map(|m| m.notes.iter().map(|n| n.key).collect())
        .unwrap_or_default()
}

#[test]
fn every_released_v1_file_opens_and_saves_as_version_2() {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("{e}"),
    };
    for path in fixtures() {
        let name = path.display().to_string();
        let loaded = match load(&path) {
            Ok(loaded) => loaded,
            Err(problems) => panic!("{name}: {problems:?}"),
        };
        assert_eq!(loaded.from_version, 1, "{name}");
        assert!(!note_keys(&loaded).is_empty(), "{name}");
        assert!(validate(&loaded.plan).is_empty(), "{name}");
        run(&loaded.plan);

        let copy = dir.path().join(path.file_name().unwrap_or_default());
        if let Err(problem) = save(&copy, &loaded.plan) {
            panic!("{name}: {problem:?}");
        }
        let text = std::fs::read_to_string(&copy).unwrap_or_default();
        assert!(is_current(&text), "{name}: {text}");
        let again = match load(&copy) {
            Ok(again) => again,
            Err(problems) => panic!("{name}: {problems:?}"),
        };
        assert!(again.migration.is_none(), "{name}");
        assert_eq!(again.plan, loaded.plan, "{name}");
    }
}

#[test]
fn ucj_no_longer_counts_palus_programme_members_twice() {
    // Kota Palu (v1): BPU 19.148 members by population share; the city's starting members are
    // 58,28% of 103.683 = 60.426. BPJS TK's BPU figure contains them, so the migration takes
    // min(19.148, 60.426) = 19.148 of the BPU members as the programme's own.
    let loaded = parsed(&fixture_text("palu-2026.ron"));
    assert_eq!(loaded.plan.regions[0].workforce.programme_in_bpu, 19_148);
    assert!(note_keys(&loaded).contains(&"migrate.programme_in_bpu"));
    // In 2026 UCJ falls by exactly those members over the employed workforce:
    // 19.148 / 186.958 = 10,242 percentage points.
    let Some(migration) = &loaded.migration else {
        panic!("not migrated");
    };
    let before = run(&migration.as_before).total[0].ucj_pct();
    let after = run(&loaded.plan).total[0].ucj_pct();
    assert!(
        (before - after - 100.0 * 19_148.0 / 186_958.0).abs() < 1e-9,
        "{before} → {after}"
    );
}

#[test]
fn jkm_deaths_count_in_full_and_jkk_deaths_come_on_top() {
    // A v1 file with a death rate of 12 per 1.000 of which 10% were work accidents: version 1
    // had 10,8 JKM + 1,2 JKK deaths per 1.000 member-years. Migrated: JKM 12 in full and JKK
    // 12 × 10% = 1,2 on top, so every year's deaths grow by 13,2 / 12 = 1,1 times.
    let text = replaced(
        &fixture_text("palu-2026.ron"),
        "value: 1.66,",
        "value: 12.0,",
    );
    let loaded = parsed(&text);
    let plan = &loaded.plan;
    assert!(matches!(&plan.assumptions.mortality, Mortality::Flat(rate) if rate.value == 12.0));
    assert!((plan.assumptions.jkk_deaths_per_mille.value - 1.2).abs() < 1e-12);
    assert!(note_keys(&loaded).contains(&"migrate.jkm_full_rate"));
    let Some(migration) = &loaded.migration else {
        panic!("not migrated");
    };
    let (before, after) = (run(&migration.as_before), run(plan));
    for (old, new) in before.total.iter().zip(&after.total) {
        assert!((new.deaths_expected / old.deaths_expected - 1.1).abs() < 1e-9);
        assert_eq!(old.cost_total, new.cost_total);
    }
}

#[test]
fn version_1_default_accidents_become_non_fatal_bpu_claims() {
    // Version 1's default 4,3 claims per 1.000 × Rp17 juta counted fatal claims too; the
    // migrated file uses the BPU non-fatal rate with care and cash benefits. User figures are
    // kept as non-fatal care with no separate cash benefit.
    let loaded = parsed(&fixture_text("sigi-anggaran-2026.ron"));
    let a = &loaded.plan.assumptions;
    assert_eq!(a.nonfatal_accidents_per_mille.value, 2.56);
    assert_eq!(a.accident_care_avg.value, 7_000_000);
    assert!(note_keys(&loaded).contains(&"migrate.accidents_default"));

    let text = replaced(
        &fixture_text("sigi-anggaran-2026.ron"),
        "value: 4.3,",
        "value: 3.0,",
    );
    let loaded = parsed(&text);
    let a = &loaded.plan.assumptions;
    assert_eq!(a.nonfatal_accidents_per_mille.value, 3.0);
    assert_eq!(a.accident_care_avg.value, 17_000_000);
    assert_eq!(a.accident_cash_months.value, 0.0);
    assert!(note_keys(&loaded).contains(&"migrate.accidents_kept"));
}

#[test]
fn an_income_that_is_no_bracket_becomes_the_bracket_that_holds_it() {
    // Rp1.250.000 lies in the Rp1.100.000–1.299.999 range, whose nominal income is
    // Rp1.200.000 (Lampiran II PP 44/2015); the note says so, at the field.
    let text = replaced(
        &fixture_text("sigi-anggaran-2026.ron"),
        "value: 1000000,",
        "value: 1250000,",
    );
    let loaded = parsed(&text);
    assert_eq!(loaded.plan.programme.declared_income.value, 1_200_000);
    let Some(migration) = &loaded.migration else {
        panic!("not migrated");
    };
    let note = migration
        .notes
        .iter()
        .find(|n| n.key == "migrate.income_bracket")
        .map(|n| (n.location.clone(), n.message(Lang::Id)));
    assert_eq!(
        note,
        Some((
            Location::Field(root().programme().declared_income().value()),
            "penghasilan Rp1.250.000 bukan braket BPU: sekarang Rp1.200.000 (braket yang memuatnya)"
                .to_owned()
        ))
    );
}

fn lindung(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_lindung"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
    {
        Ok(output) => output,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn check_says_what_the_migration_changed_and_fmt_writes_version_2() {
    let out = lindung(&[
        "check",
        "tests/fixtures/v1/sulteng-2026.ron",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "version 1 file read and migrated to version 2",
        "Region 13 (Kota Palu) › Workforce › Of them paid by this programme: 19,148 BPU \
         members are taken",
        "count once in UCJ; version 1 counted them twice \
         [regions[12].workforce.programme_in_bpu]",
        "assumptions.jkk_deaths_per_mille",
        "effect of the migration on the total 2026–2030",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }

    let out = lindung(&["run", "tests/fixtures/v1/palu-2026.ron"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("berkas versi 1"));

    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("{e}"),
    };
    let copy = dir.path().join("palu.ron");
    if let Err(e) = std::fs::write(&copy, fixture_text("palu-2026.ron")) {
        panic!("{e}");
    }
    let copy_name = copy.display().to_string();
    assert_eq!(lindung(&["fmt", &copy_name]).status.code(), Some(0));
    let written = std::fs::read_to_string(&copy).unwrap_or_default();
    assert!(is_current(&written), "{written}");
    let out = lindung(&["check", &copy_name]);
    assert!(!String::from_utf8_lossy(&out.stdout).contains("dimigrasikan"));
}

/// Every format version ever released has fixtures, frozen when it was released, and every
/// one of them opens and computes: an older one with a note of what its migration changed, a
/// current one without.
#[test]
fn every_released_format_version_keeps_opening() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for version in 1..=lindung::scenario::CURRENT_VERSION {
        let dir = root.join(format!("v{version}"));
        let files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|e| e == "ron"))
            .collect();
        assert!(!files.is_empty(), "no fixture of version {version}");
        for path in files {
            let loaded = load(&path).unwrap_or_else(|p| panic!("{}: {p:?}", path.display()));
            assert_eq!(loaded.from_version, version, "{}", path.display());
            assert_eq!(
                loaded.migration.is_some(),
                version < lindung::scenario::CURRENT_VERSION,
                "{}",
                path.display()
            );
            assert!(validate(&loaded.plan).is_empty(), "{}", path.display());
            run(&loaded.plan);
        }
    }
}
