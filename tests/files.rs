//! Files in and out lose nothing: a byte-order mark and Windows line ends are read and kept,
//! what is not a scenario file is refused before it is read, an output never replaces its
//! input, saving keeps the file's permissions, links and owner and refuses a read-only file,
//! comments are never dropped without a word, and a lost standard output fails the command.

#![allow(clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use lindung::scenario::{self, Location};

const PALU: &str = include_str!("../scenarios/palu-2026.ron");

fn lindung(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lindung"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lindung starts")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).expect("writes");
    path
}

fn problem_key(path: &Path) -> &'static str {
    match scenario::load(path) {
        Ok(_) => panic!("{} loaded", path.display()),
        Err(problems) => {
            assert_eq!(problems[0].location, Location::File);
            problems[0].key
        }
    }
}

#[test]
fn a_byte_order_mark_and_windows_line_ends_are_read_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let windows = format!("\u{feff}{}", PALU.replace('\n', "\r\n"));
    let path = write(dir.path(), "windows.ron", &windows);
    let loaded = scenario::load(&path).expect("a file written by Notepad opens");
    let plain = scenario::parse(PALU).expect("the example parses");
    assert_eq!(loaded.plan, plain.plan);
    // Saved again: the same mark and line ends, and the same plan.
    scenario::save(&path, &loaded.plan).expect("saves");
    let saved = fs::read_to_string(&path).expect("reads");
    assert!(saved.starts_with('\u{feff}'));
    assert_eq!(saved.matches("\r\n").count(), saved.matches('\n').count());
    assert_eq!(saved, windows);
}

#[test]
fn what_is_not_a_scenario_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A folder, a device that never ends, a pipe no one writes to (reading it would wait for
    // ever), and a file larger than the 16 MiB limit (sparse: no disk is used).
    assert_eq!(problem_key(dir.path()), "problem.not_a_file");
    assert_eq!(problem_key(Path::new("/dev/zero")), "problem.not_a_file");
    let fifo = dir.path().join("pipa.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    assert_eq!(problem_key(&fifo), "problem.not_a_file");
    let large = dir.path().join("besar.ron");
    let file = fs::File::create(&large).expect("creates");
    file.set_len(17 * 1024 * 1024).expect("sets the length");
    assert_eq!(problem_key(&large), "problem.too_large");
    // The same through the command line, in words.
    let out = lindung(&["check", &fifo.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bukan berkas biasa"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_output_never_replaces_its_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "rencana.ron", PALU);
    // The same file by its own name and by another way of writing it.
    let again = dir.path().join(".").join("rencana.ron");
    for csv in [&path, &again] {
        let out = lindung(&[
            "run",
            &path.display().to_string(),
            "--csv",
            &csv.display().to_string(),
        ]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("keluaran CSV tidak menimpa masukan"));
        assert_eq!(fs::read_to_string(&path).expect("reads"), PALU);
    }
    // Another file is written whole, replacing an older one.
    let csv = write(dir.path(), "hasil.csv", "lama");
    let out = lindung(&[
        "run",
        &path.display().to_string(),
        "--csv",
        &csv.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = fs::read_to_string(&csv).expect("reads");
    assert!(written.starts_with("region,year,"), "{written}");
    assert!(written.ends_with('\n'));
}

#[test]
fn output_that_cannot_be_written_fails_the_command() {
    let full = fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_lindung"))
        .args(["run", "scenarios/sulteng-2026.ron"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::from(full))
        .output()
        .expect("lindung starts");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("keluaran tidak bisa ditulis seluruhnya"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn saving_keeps_permissions_links_and_owner_and_refuses_read_only_files() {
    use std::os::unix::fs::{MetadataExt as _, PermissionsExt as _};
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = scenario::parse(PALU).expect("parses").plan;
    let mut changed = plan.clone();
    changed.meta.title = "Diubah".into();

    // Permissions: a file others may read stays readable by them.
    let shared = write(dir.path(), "bersama.ron", PALU);
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o644)).expect("chmod");
    scenario::save(&shared, &changed).expect("saves");
    assert_eq!(fs::metadata(&shared).expect("meta").mode() & 0o777, 0o644);

    // A new file gets the permissions any new file gets (0666 less the umask; under the
    // usual umask 022 that is 0644), not a temporary file's 0600.
    let new = dir.path().join("baru.ron");
    scenario::save(&new, &changed).expect("saves");
    let reference = dir.path().join("acuan.txt");
    fs::File::create(&reference).expect("creates");
    assert_eq!(
        fs::metadata(&new).expect("meta").mode() & 0o777,
        fs::metadata(&reference).expect("meta").mode() & 0o777
    );

    // A symbolic link stays a link; its target gets the new text.
    let target = write(dir.path(), "asli.ron", PALU);
    let link = dir.path().join("pintasan.ron");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    scenario::save(&link, &changed).expect("saves");
    assert!(
        fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        fs::read_to_string(&target)
            .expect("reads")
            .contains("Diubah")
    );

    // Both names of a hard-linked file see the new text.
    let first = write(dir.path(), "satu.ron", PALU);
    let second = dir.path().join("dua.ron");
    fs::hard_link(&first, &second).expect("hard link");
    scenario::save(&second, &changed).expect("saves");
    assert!(
        fs::read_to_string(&first)
            .expect("reads")
            .contains("Diubah")
    );
    assert_eq!(fs::metadata(&first).expect("meta").nlink(), 2);

    // A read-only file is not overwritten.
    let locked = write(dir.path(), "terkunci.ron", PALU);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o444)).expect("chmod");
    let refused = scenario::save(&locked, &changed).expect_err("refused");
    assert_eq!(refused.key, "problem.read_only");
    assert_eq!(fs::read_to_string(&locked).expect("reads"), PALU);

    // Another user's file keeps its owner when an administrator saves it.
    if fs::metadata(dir.path()).expect("meta").uid() == 0 {
        let theirs = write(dir.path(), "milik-lain.ron", PALU);
        std::os::unix::fs::chown(&theirs, Some(1234), Some(1234)).expect("chown");
        scenario::save(&theirs, &changed).expect("saves");
        let meta = fs::metadata(&theirs).expect("meta");
        assert_eq!((meta.uid(), meta.gid()), (1234, 1234));
    }
}

#[test]
fn fmt_keeps_comments_unless_told_to_drop_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let commented = PALU.replacen("(\n", "// Catatan tim Bappeda\n(\n", 1);
    let path = write(dir.path(), "berkomentar.ron", &commented);
    let out = lindung(&["fmt", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("berisi 1 komentar"),
        "{}",
        stderr(&out)
    );
    assert_eq!(fs::read_to_string(&path).expect("reads"), commented);
    let out = lindung(&["fmt", "--drop-comments", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&path).expect("reads"), PALU);
}

#[test]
fn huge_texts_and_lists_are_refused_with_their_limits() {
    // A note of 30.000 characters (the limit is 20.000), at its line.
    let note = "x".repeat(30_000);
    let text = PALU.replacen("notes: \"", &format!("notes: \"{note}"), 1);
    let line = text
        .lines()
        .position(|l| l.contains("notes: "))
        .map_or(0, |i| i + 1);
    let problems = scenario::parse(&text).expect_err("refused");
    assert_eq!(problems[0].key, "problem.text_too_long");
    assert!(matches!(problems[0].location, Location::Text { line: l, .. } if l == line));
    // A misspelt field name before a long note: the name is the problem (with the field
    // meant), not the note's length against the 2.000 of a field that is not notes.
    let note = "x".repeat(5_000);
    let text = PALU.replacen("notes: \"", &format!("note: \"{note}"), 1);
    let problems = scenario::parse(&text).expect_err("refused");
    assert_eq!(problems[0].key, "problem.unknown_field_suggest");
    assert!(matches!(problems[0].location, Location::Text { line: l, .. } if l == line));
    assert!(
        problems[0]
            .message(lindung::i18n::Lang::En)
            .contains("notes")
    );
    // An unknown field with a name of 10.000 characters is named in 60 of them.
    let name = "a".repeat(10_000);
    let text = PALU.replacen("version: 2,", &format!("version: 2,\n    {name}: 1,"), 1);
    let problems = scenario::parse(&text).expect_err("refused");
    assert!(problems[0].message(lindung::i18n::Lang::Id).chars().count() < 400);
    // 1.001 regions: refused with the limit of 1.000.
    let mut plan = scenario::parse(PALU).expect("parses").plan;
    plan.regions = vec![plan.regions[0].clone(); 1_001];
    let problems = scenario::validate(&plan);
    assert!(
        problems
            .iter()
            .any(|p| p.key == "problem.too_many" && p.location.to_string() == "regions")
    );
}
