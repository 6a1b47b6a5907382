//! The comparison in the real app (egui_kittest, no display): three scenario files opened at
//! once, a baseline chosen by right-clicking its tab, differences read from the table and
//! checked against a hand calculation, the overlay legends naming every scenario, and an edit
//! in one tab showing in the comparison at once.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use lindung::ui::LindungApp;

use crate::common::{app_with, plan, set_number};

#[test]
fn three_scenarios_against_a_chosen_baseline() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    // As `lindung a.ron b.ron c.ron` starts it.
    let mut harness = three_open(folder.path());
    // The three files, in their own tabs (the start example made way for them).
    assert_eq!(harness.state().workspace().count(), 3);

    // Skenario B is the baseline: right-click its tab (the tab strip comes first).
    harness
        .get_all_by_label("Skenario B")
        .next()
        .unwrap_or_else(|| panic!("B's tab"))
        .click_secondary();
    harness.run_ok();
    harness.get_by_label("Jadikan pembanding").click();
    harness.run_ok();
    assert_eq!(harness.state().workspace().baseline_index(), 1);

    // The cards of the scenario in front (C, opened last) set its figures against the
    // baseline's: C − B = (12.500 − 15.000) × Rp201.600 = −Rp504.000.000 in 2026 and over
    // the one-year horizon.
    let against_b = "dibanding Skenario B: −Rp504 juta · seluruh horizon −Rp504 juta";
    let shown = harness
        .query_all_by(|node| {
            node.label()
                .or(node.value())
                .is_some_and(|t| t == against_b)
        })
        .count();
    assert_eq!(shown, 1);

    harness.get_by_label("Bandingkan").click();
    harness.run_ok();
    harness.get_by_label("Perbandingan 3 skenario");
    // Contributions, worked out by hand: A 10.000 × Rp201.600 = Rp2.016.000.000; B 15.000 ×
    // Rp201.600 = Rp3.024.000.000; C 12.500 × Rp201.600 = Rp2.520.000.000.
    // A − B = −Rp1.008.000.000 ("Rp1,01 miliar" as a planner says it), C − B = −Rp504.000.000,
    // in the year 2026 and over the (one-year) horizon; members at year end: A − B = −5.000.
    assert_eq!(harness.get_all_by_label("⏷ −Rp1,01 miliar").count(), 4);
    assert_eq!(harness.get_all_by_label("⏷ −Rp504 juta").count(), 4);
    assert_eq!(harness.get_all_by_label("⏷ −5.000").count(), 2);
    // The first figure's 2026 cells show each value as a planner says it.
    harness
        .get_all_by_label("Rp3,02 miliar")
        .next()
        .unwrap_or_else(|| panic!("B's cost"));
    // The comparison in a sentence, from the same figures.
    // (A wrapped label gives its text as the node's value.)
    let sentence = harness
        .query_all_by(|node| {
            node.value()
                .is_some_and(|v| v.starts_with("Skenario A dibanding Skenario B"))
        })
        .next()
        .and_then(|node| node.accesskit_node().value())
        .unwrap_or_else(|| panic!("the comparison sentence"));
    assert!(
        sentence.contains("Rp1,01 miliar lebih sedikit"),
        "{sentence}"
    );
    assert!(
        sentence.contains("5.000 pekerja lebih sedikit"),
        "{sentence}"
    );
    // Every overlay's legend names all three scenarios.
    for chart in [
        "Peserta pada akhir tahun",
        "Biaya iuran per tahun",
        "Manfaat yang diterima keluarga per tahun",
    ] {
        harness.get_by_role_and_label(Role::Button, chart).click();
        harness.run_ok();
        for title in ["Skenario A", "Skenario B", "Skenario C"] {
            harness.get_by_role_and_label(Role::CheckBox, title);
        }
    }
    // Why they differ: A's inputs against B's, the title and the pool (10.000 and 15.000).
    harness.get_by_label("Isian yang berbeda").click();
    harness.run_ok();
    harness.get_by_label("Skenario A dibanding Skenario B: 2 isian berbeda");
    harness.get_by_label("Skenario C dibanding Skenario B: 2 isian berbeda");
    assert!(harness.query_all_by_label("15.000").count() >= 2);
    harness.get_by_label("Tabel selisih").click();
    harness.run_ok();

    // An edit in A's tab shows in the comparison at once: 20.000 members cost 20.000 ×
    // Rp201.600 = Rp4.032.000.000, Rp1.008.000.000 more than B.
    harness
        .get_all_by_label("Skenario A")
        .next()
        .unwrap_or_else(|| panic!("A's tab"))
        .click();
    harness.run_ok();
    set_number(&mut harness, "Jumlah sasaran", "20.000");
    assert_eq!(harness.get_all_by_label("⏶ +Rp1,01 miliar").count(), 4);
    assert_eq!(harness.get_all_by_label("⏶ +5.000").count(), 2);
}

/// Opens the three scenarios of [`plan`] (pools 10.000, 15.000 and 12.500) from `folder`.
fn three_open(folder: &std::path::Path) -> Harness<'static, LindungApp> {
    let paths: Vec<std::path::PathBuf> = [
        ("a.ron", "Skenario A", 10_000),
        ("b.ron", "Skenario B", 15_000),
        ("c.ron", "Skenario C", 12_500),
    ]
    .into_iter()
    .map(|(file, title, pool)| {
        let path = folder.join(file);
        lindung::scenario::save(&path, &plan(title, pool)).unwrap_or_else(|p| panic!("{p:?}"));
        path
    })
    .collect();
    app_with(paths, false, (1280.0, 800.0))
}

/// Steps the app until its exports are done (a job runs on another thread).
fn finish_exports(harness: &mut Harness<'_, LindungApp>) {
    for _ in 0..2_000 {
        harness.step();
        if !harness.state().is_exporting() {
            harness.run_ok();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the export did not finish");
}

#[test]
fn exports_from_the_app_hold_the_numbers_shown() {
    use lindung::report::Dialect;
    use lindung::ui::ExportKind;
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let mut harness = three_open(folder.path());
    let ctx = harness.ctx.clone();

    // Every open scenario in one CSV for Indonesian Excel: a `scenario` column first, `;`
    // between fields, a byte-order mark. Contributions by hand: 10.000 × Rp201.600 =
    // 2.016.000.000; 15.000 × Rp201.600 = 3.024.000.000; 12.500 × Rp201.600 = 2.520.000.000.
    let csv_path = folder.path().join("semua.csv");
    harness.state_mut().export(
        &ctx,
        ExportKind::Csv(Dialect::Indonesia),
        Some(csv_path.clone()),
    );
    finish_exports(&mut harness);
    harness.get_by_label_contains("tersimpan di");
    let text = std::fs::read_to_string(&csv_path).unwrap_or_else(|e| panic!("{e}"));
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or_else(|| panic!("a byte-order mark"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let header = reader.headers().unwrap_or_else(|e| panic!("{e}")).clone();
    assert_eq!(&header[0], "scenario");
    let cost = header
        .iter()
        .position(|h| h == "cost_total")
        .unwrap_or_else(|| panic!("cost_total"));
    let totals: Vec<(String, String)> = reader
        .records()
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .filter(|r| &r[1] == "TOTAL")
        .map(|r| (r[0].to_owned(), r[cost].to_owned()))
        .collect();
    assert_eq!(
        totals,
        [
            ("Skenario A".to_owned(), "2016000000".to_owned()),
            ("Skenario B".to_owned(), "3024000000".to_owned()),
            ("Skenario C".to_owned(), "2520000000".to_owned()),
        ]
    );

    // The handout of all three, drawn off the UI thread: a comparison against the baseline.
    let pdf_path = folder.path().join("perbandingan.pdf");
    harness
        .state_mut()
        .export(&ctx, ExportKind::Pdf, Some(pdf_path.clone()));
    finish_exports(&mut harness);
    let text = std::process::Command::new("pdftotext")
        .args([pdf_path.as_os_str(), std::ffi::OsStr::new("-")])
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (poppler-utils): {e}"));
    let text = String::from_utf8_lossy(&text.stdout);
    for title in ["Skenario A", "Skenario B", "Skenario C", "Rp3.024.000.000"] {
        assert!(text.contains(title), "{title} in the PDF");
    }

    // Not over an open scenario file: refused with a word, nothing written.
    let before = std::fs::read(folder.path().join("a.ron")).unwrap_or_default();
    harness
        .state_mut()
        .export(&ctx, ExportKind::Xlsx, Some(folder.path().join("a.ron")));
    harness.run_ok();
    harness.get_by_label_contains("skenario yang sedang terbuka");
    assert_eq!(
        std::fs::read(folder.path().join("a.ron")).unwrap_or_default(),
        before
    );
}

/// A colleague saved over the file while it had changes here: "Bandingkan" opens their
/// version in a tab of its own, the baseline of a comparison with the changes, and overwrites
/// nothing.
#[test]
fn a_file_changed_on_disk_can_be_compared_with_the_changes() {
    let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = folder.path().join("rencana.ron");
    lindung::scenario::save(&path, &plan("Rencana", 10_000)).unwrap_or_else(|p| panic!("{p:?}"));
    let mut harness = app_with(vec![path.clone()], false, (1280.0, 800.0));
    set_number(&mut harness, "Jumlah sasaran", "12.000");
    let theirs = plan("Rencana", 15_000);
    lindung::scenario::save(&path, &theirs).unwrap_or_else(|p| panic!("{p:?}"));
    harness.event(egui::Event::WindowFocused(true));
    harness.run_ok();
    harness.get_by_label("Berkas berubah di disk");
    // The dialog's button (the comparison switch over the tabs comes first).
    harness
        .get_all_by_label("Bandingkan")
        .last()
        .unwrap_or_else(|| panic!("the dialog's Bandingkan"))
        .click();
    harness.run_ok();

    let work = harness.state().workspace();
    assert_eq!(work.count(), 2);
    assert_eq!(work.tabs()[work.baseline_index()].doc.scenario, theirs);
    assert_eq!(
        harness.state().document().scenario.regions[0].pool.count,
        12_000
    );
    harness.get_by_label("Perbandingan 2 skenario");
    // Mine against theirs: (12.000 − 15.000) × Rp201.600 = −Rp604.800.000, "Rp605 juta" as a
    // planner says it, for the cost and its only payer, in 2026 and over the horizon.
    assert_eq!(harness.get_all_by_label("⏷ −Rp605 juta").count(), 4);
    // Their file is untouched.
    let on_disk = lindung::scenario::load(&path).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(on_disk.plan, theirs);
}
