//! The real desktop app in an egui_kittest harness (no display, no GPU): edit through the
//! UI, read figures back from the screen, switch language, undo, the unsaved-changes guard,
//! and a corrupted file opened through the same code path as Berkas → Buka.

#![allow(clippy::expect_used)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lindung::format;
use lindung::i18n::Lang;
use lindung::ui::{Dialog, EXAMPLES, Guarded, Launch, LindungApp};

use crate::common::set_number;

fn app() -> Harness<'static, LindungApp> {
    app_of_height(800.0)
}

/// The app in a window 1280 wide and `height` tall (a tall one shows a whole editor section).
fn app_of_height(height: f32) -> Harness<'static, LindungApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, height))
        .build_eframe(|cc| LindungApp::new(cc, Launch::default()));
    harness.run_ok();
    harness
}

/// Opens or closes editor sections by their headers (a header comes before any other text
/// with the same name: the editor is drawn first).
fn toggle_sections(harness: &mut Harness<'_, LindungApp>, sections: &[&str]) {
    for section in sections {
        harness
            .get_all_by_label(section)
            .next()
            .expect("section")
            .click();
        harness.run_ok();
    }
}

/// The first year's contribution cost of the total, as the table shows it.
fn first_year_cost_on_screen(harness: &Harness<'_, LindungApp>) -> String {
    let projection = harness
        .state()
        .document()
        .projection
        .clone()
        .expect("the example computes");
    format::rupiah(projection.total[0].cost_total as f64, Lang::Id)
}

/// Opens a bundled example through the same command as Berkas » Contoh bawaan.
fn open_example(harness: &mut Harness<'_, LindungApp>, file: &str) {
    let index = EXAMPLES
        .iter()
        .position(|(name, _)| *name == file)
        .expect("bundled");
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, lindung::ui::Command::OpenExample(index));
    harness.run_ok();
}

#[test]
fn edit_pool_read_budget_switch_language_undo_and_guard_closing_the_tab() {
    let mut harness = app();
    assert_eq!(
        harness.state().document().display_name().as_deref(),
        Some("palu-2026.ron")
    );
    harness
        .get_all_by_label("Tabel")
        .next()
        .expect("tab")
        .click();
    harness.run_ok();
    let old_cost = first_year_cost_on_screen(&harness);
    harness.get_by_label(&old_cost);
    assert!(harness.query_by_label("• belum disimpan").is_none());

    set_number(&mut harness, "Jumlah sasaran", "100.000");

    // Worked out by hand for Kota Palu 2026 with a pool of 100.000, all of them already
    // members (start 100%, target 100%): 100.000 × 12 months × (JKK Rp10.000 + JKM Rp6.800)
    // = 100.000 × Rp201.600 = Rp20.160.000.000.
    harness.get_by_label("Rp20.160.000.000");
    assert!(harness.query_by_label(&old_cost).is_none());
    harness.get_by_label_contains("Anggaran dibutuhkan · 2026");
    harness.get_by_label("Rp20,2 miliar");

    // Unsaved marker in the top bar, on the tab and in the title.
    harness.get_by_label("• belum disimpan");
    assert_eq!(
        harness.state().window_title(),
        "palu-2026.ron* — Kota Palu 2026–2030: perlindungan pekerja rentan — Lindung"
    );
    // New opens a tab of its own: the edited scenario keeps its changes in its tab.
    harness.get_by_label("Berkas").click();
    harness.run_ok();
    harness.get_by_label_contains("Baru").click();
    harness.run_ok();
    assert!(harness.query_by_label("Simpan perubahan?").is_none());
    assert_eq!(harness.state().workspace().count(), 2);
    harness
        .get_by_label("Kota Palu 2026–2030: perlindungan pekerja rentan •")
        .click();
    harness.run_ok();
    harness.get_by_label("Rp20.160.000.000");
    // Closing that tab asks first; Batal keeps it.
    harness.get_by_label("Berkas").click();
    harness.run_ok();
    harness.get_by_label_contains("Tutup skenario").click();
    harness.run_ok();
    harness.get_by_label("Simpan perubahan?");
    harness.get_by_label("Jangan simpan");
    harness.get_by_label("Batal").click();
    harness.run_ok();
    assert!(harness.query_by_label("Simpan perubahan?").is_none());
    assert_eq!(harness.state().workspace().count(), 2);
    harness.get_by_label("Rp20.160.000.000");

    // English labels, and English number formatting.
    harness.get_by_label("EN").click();
    harness.run_ok();
    harness.get_by_label("Pool size");
    harness.get_by_label("Rp20,160,000,000");
    harness.get_by_label("ID").click();
    harness.run_ok();

    // Undo brings the old figure back and clears the marker.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_ok();
    harness.get_by_label(&old_cost);
    assert!(harness.query_by_label("• belum disimpan").is_none());
    // And redo the edit again.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_ok();
    harness.get_by_label("Rp20.160.000.000");
}

#[test]
fn invalid_value_shows_inline_message_and_keeps_last_results() {
    let mut harness = app();
    harness
        .get_all_by_label("Tabel")
        .next()
        .expect("tab")
        .click();
    harness.run_ok();
    let old_cost = first_year_cost_on_screen(&harness);
    set_number(&mut harness, "Jumlah sasaran", "-5");
    harness.get_by_label("harus ≥ 0");
    harness.get_by_label_contains("angka di bawah dari masukan sah terakhir");
    harness.get_by_label(&old_cost);
}

#[test]
fn corrupted_file_shows_every_problem_and_keeps_the_scenario() {
    let mut harness = app();
    let before = harness.state().document().scenario.clone();
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("rusak.ron");
    let text = EXAMPLES[0]
        .1
        .replacen("count: 60426,", "count: \"banyak\",", 1);
    std::fs::write(&path, text).expect("write");

    assert!(!harness.state_mut().open_path(&path));
    harness.run_ok();
    harness.get_by_label("Berkas tidak dapat dibuka");
    // Every problem is listed with its place in the file.
    assert!(harness.get_all_by_label_contains("rusak.ron:").count() >= 1);
    harness.get_by_label("Skenario yang sedang tampil tidak diubah.");
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::LoadFailed { .. })
    ));
    assert_eq!(harness.state().document().scenario, before);
    assert_eq!(
        harness.state().document().display_name().as_deref(),
        Some("palu-2026.ron")
    );
    harness.get_by_label("OK").click();
    harness.run_ok();
    assert!(harness.state().dialog().is_none());
}

#[test]
fn save_clears_the_marker_and_reopens_the_same_scenario() {
    let mut harness = app();
    set_number(&mut harness, "Jumlah sasaran", "100.000");
    harness.get_by_label("• belum disimpan");
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("palu-edit.ron");
    assert!(harness.state_mut().save_to(&path));
    harness.run_ok();
    assert!(harness.query_by_label("• belum disimpan").is_none());
    let saved = harness.state().document().scenario.clone();
    assert_eq!(saved.regions[0].pool.count, 100_000);
    assert!(harness.state_mut().open_path(&path));
    harness.run_ok();
    assert_eq!(harness.state().document().scenario, saved);
    assert_eq!(harness.state().saved_state().recent.first(), Some(&path));
}

#[test]
fn every_example_tab_and_language_draws_with_all_texts() {
    let mut harness = app();
    let ctx = harness.ctx.clone();
    for (index, (name, _)) in EXAMPLES.iter().enumerate() {
        harness
            .state_mut()
            .run_command(&ctx, lindung::ui::Command::OpenExample(index));
        harness.run_ok();
        assert!(harness.state().document().problems.is_empty(), "{name}");
        for lang in ["EN", "ID"] {
            harness.get_by_label(lang).click();
            harness.run_ok();
            for tab in ["Cakupan", "Anggaran", "Perlindungan keluarga", "Tabel"]
                .iter()
                .zip(["Coverage", "Budget", "Family protection", "Table"])
                .map(|(id, en)| if lang == "EN" { en } else { *id })
            {
                // The tab comes first; a table column may have the same name.
                harness.get_all_by_label(tab).next().expect("tab").click();
                harness.run_ok();
                let untranslated: Vec<String> = harness
                    .query_all_by(|node| {
                        node.label().is_some_and(|l| l.starts_with("ui."))
                            || node.value().is_some_and(|v| v.starts_with("ui."))
                    })
                    .map(|node| format!("{node:?}"))
                    .collect();
                assert!(untranslated.is_empty(), "{untranslated:?}");
            }
        }
    }
}

#[test]
fn budget_cap_is_a_first_class_choice() {
    let mut harness = app();
    harness.get_by_label("Pagu anggaran » cakupan").click();
    harness.run_ok();
    harness.get_by_label("Pagu tahun pertama");
    harness.get_by_label_contains("Anggaran terpakai · 2026");
    assert!(harness.state().document().problems.is_empty());
}

#[test]
fn region_picker_fills_the_official_code() {
    let mut harness = app();
    harness
        .get_by_role_and_label(Role::TextInput, "Cari wilayah")
        .click();
    harness.run_ok();
    harness.event(egui::Event::Text("donggala".to_owned()));
    harness.run_ok();
    harness.get_by_label("72.03 · Kabupaten Donggala").click();
    harness.run_ok();
    let region = &harness.state().document().scenario.regions[0];
    assert_eq!(region.code, "72.03");
    assert_eq!(region.name, "Kabupaten Donggala");
    assert_eq!(region.level, lindung::model::plan::Level::Kabupaten);
}

#[test]
fn table_is_copied_as_tab_separated_text() {
    let mut harness = app();
    harness
        .get_all_by_label("Tabel")
        .next()
        .expect("tab")
        .click();
    harness.run_ok();
    harness.get_by_label("Salin tabel (untuk Excel)").click();
    harness.step();
    // The app says it was copied.
    harness.get_by_label_contains("Tabel disalin");
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    let text = copied.first().expect("a copy command");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("Tahun\tSasaran\t"));
    assert!(lines[1].starts_with("2026\t60426\t"));
    assert_eq!(lines.len(), 1 + 5 + 1);
    // The horizon row names its years and shows only what adds up over them: no pool,
    // members, coverage or UCJ (figures of one year), but the cost.
    let total: Vec<&str> = lines[6].split('\t').collect();
    assert_eq!(total[..6], ["Jumlah 2026–2030", "", "", "", "", ""]);
    let cost = lines[0]
        .split('\t')
        .position(|h| h == "Biaya iuran")
        .expect("cost column");
    assert!(!total[cost].is_empty());
    // Only the mean of deaths is copied, and the header says so.
    assert!(lines[0].contains("\tKematian (harapan)\t"), "{}", lines[0]);
    assert!(!lines[0].contains("rentang"), "{}", lines[0]);
}

#[test]
fn every_editor_section_opens_with_accessible_fields() {
    let mut harness = app();
    // Close the open sections so that the others fit on screen, then open each in turn
    // (the harness checks that every visible widget has an accessible name).
    toggle_sections(&mut harness, &["Wilayah", "Sasaran", "Jalur cakupan"]);
    toggle_sections(&mut harness, &["Program & iuran"]);
    harness.get_by_label_contains("Iuran per pekerja per bulan: Rp16.800");
    toggle_sections(&mut harness, &["Program & iuran"]);
    toggle_sections(&mut harness, &["Pendanaan"]);
    harness.get_by_label("Pembayar 1");
    toggle_sections(&mut harness, &["Pendanaan"]);
    toggle_sections(&mut harness, &["Asumsi"]);
    harness.get_by_label("Tabel usia").click();
    harness.run_ok();
    harness.get_by_role_and_label(Role::SpinButton, "Faktor beban");
    toggle_sections(&mut harness, &["Asumsi"]);
    toggle_sections(&mut harness, &["Catatan"]);
    toggle_sections(&mut harness, &["Catatan"]);
    toggle_sections(&mut harness, &["Jalur cakupan"]);
    harness.get_by_label("Per tahun").click();
    harness.run_ok();
    // Switching the path to one share per year keeps the scenario valid.
    assert!(harness.state().document().problems.is_empty());
    harness.get_by_label("Tahun ke-5");
}

/// Closing the window with unsaved changes asks first; Batal keeps the window open.
#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut harness = app();
    set_number(&mut harness, "Jumlah sasaran", "100.000");
    let close_the_window = |harness: &mut Harness<'static, LindungApp>| {
        harness
            .input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        harness.run_ok();
    };
    close_the_window(&mut harness);
    harness.get_by_label("Simpan perubahan?");
    assert!(matches!(
        harness.state().dialog(),
        Some(Dialog::Unsaved { action: Guarded::Close, name }) if name.starts_with("Kota Palu")
    ));
    harness.get_by_label("Batal").click();
    harness.run_ok();
    assert!(harness.state().dialog().is_none());
    // Without unsaved changes the window closes without a question.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_ok();
    close_the_window(&mut harness);
    assert!(harness.query_by_label("Simpan perubahan?").is_none());
}

/// A file dropped on the window, as the windowing integration hands it to egui.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_ron_file_on_the_window_opens_it() {
    let mut harness = app();
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("sigi.ron");
    let (_, sigi) = EXAMPLES
        .iter()
        .find(|(name, _)| name.starts_with("sigi"))
        .expect("the Sigi example");
    std::fs::write(&path, sigi).expect("write");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    harness.run_ok();
    assert_eq!(harness.state().document().path.as_ref(), Some(&path));
    harness.get_by_label("sigi.ron");
    harness.get_by_label_contains("Anggaran terpakai");
}

#[test]
fn about_credits_the_area_data() {
    let mut harness = app();
    harness.get_by_label("Bantuan").click();
    harness.run_ok();
    harness.get_by_label("Tentang Lindung").click();
    harness.run_ok();
    harness.get_by_label_contains("idn-area-data 4.0.1, Open Database License (ODbL) 1.0");
    harness.get_by_label("OK").click();
    harness.run_ok();
    assert!(harness.state().dialog().is_none());
}

#[test]
fn ucj_target_is_part_of_the_scenario_and_undoable() {
    let mut harness = app();
    open_example(&mut harness, "sulteng-2026.ron");
    // The province's 71% target comes from the file, on the UCJ card.
    harness.get_by_label("target 71,0%");
    set_number(&mut harness, "Target UCJ (garis acuan)", "65");
    let target = harness.state().document().scenario.meta.ucj_target.clone();
    assert_eq!(target.map(|t| t.value), Some(65.0));
    harness.get_by_label("target 65,0%");
    harness.get_by_label("• belum disimpan");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_ok();
    harness.get_by_label("target 71,0%");
    assert!(harness.query_by_label("• belum disimpan").is_none());
}

#[test]
fn a_budget_that_cannot_keep_its_members_is_flagged() {
    let mut harness = app();
    open_example(&mut harness, "sigi-anggaran-2026.ron");
    // The example enrols sustainably (no cut); filling each year's budget instead:
    assert!(
        harness
            .query_by_label_contains("pagu tidak cukup")
            .is_none()
    );
    // Close the sections above the coverage path so that its choices are on screen.
    toggle_sections(&mut harness, &["Wilayah", "Sasaran"]);
    harness.get_by_label("Penuhi tiap tahun").click();
    harness.run_ok();
    // Rp3 miliar, 70% of new members from January (Rp201.600 each) and 30% from September
    // (Rp67.200): 18.600 join in 2026 (13.020 + 5.580 = 13.020 × 201.600 + 5.580 × 67.200 =
    // Rp2.999.808.000). In January 2027 18.600 / 48 = 387,5 → 388 pass 65 and leave (ages
    // 18–65 spread evenly); a full year of the other 18.212 would cost more than the budget,
    // which keeps 3.000.000.000 / 201.600 → 14.880, so 18.212 − 14.880 = 3.332 stop.
    harness.get_by_label_contains("2027: pagu tidak cukup untuk mempertahankan 3.332 peserta");
}

/// The table tab shows the months of the chosen year. Kabupaten Sigi's Rp3 miliar keeps
/// 3.000.000.000 / 201.600 → 14.880 workers all year, so the example enrols 14.880 in 2026
/// (sustainably): 70% from January, round(0,7 × 14.880) = 10.416, and 4.464 from September.
/// January–August are billed 10.416 × Rp16.800 = Rp174.988.800, September–December
/// 14.880 × Rp16.800 = Rp249.984.000.
#[test]
fn the_table_shows_the_months_of_the_chosen_year() {
    let mut harness = app();
    open_example(&mut harness, "sigi-anggaran-2026.ron");
    harness.get_by_label("Tabel").click();
    harness.run_ok();
    harness.get_by_label("Bulanan, 2026").click();
    harness.run_ok();
    harness.get_by_label("2026-09");
    // The cost column and the APBD column (the kabupaten pays all) show the same amounts.
    assert_eq!(harness.get_all_by_label("Rp249.984.000").count(), 4 * 2);
    assert_eq!(harness.get_all_by_label("Rp174.988.800").count(), 8 * 2);
    harness.get_by_label("4.464");
    // Back to the years.
    harness.get_by_label("Tahunan").click();
    harness.run_ok();
    assert!(harness.query_by_label("2026-09").is_none());
}

/// A version 1 file opens, migrated, and the app says so: the changes are listed at their
/// fields, and saving would write version 2.
#[test]
fn a_version_1_file_opens_with_its_migration_listed() {
    let mut harness = app();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v1/palu-2026.ron");
    assert!(harness.state_mut().open_path(&path));
    harness.run_ok();
    // Palu v1: min(BPU 19.148, starting members 60.426) of the BPU members are the city's own.
    let header =
        harness.get_by_label_contains("Dibuka dari berkas versi 1, dimigrasikan ke versi 2");
    header.click();
    harness.run_ok();
    harness.get_by_label_contains(
        "Wilayah 1 (Kota Palu) › Angkatan kerja › Di antaranya dibiayai program ini: 19.148 \
         peserta BPU",
    );
    harness.get_by_label_contains("Menyimpan akan menulis versi 2");
    assert!(!harness.state().document().is_dirty());
}

/// A province quota is entered once for all regions and can be split per region.
#[test]
fn a_province_quota_is_entered_once_for_all_regions() {
    // Tall enough for the whole Pendanaan section with 13 regions' parts.
    let mut harness = app_of_height(1600.0);
    open_example(&mut harness, "sulteng-2026.ron");
    toggle_sections(
        &mut harness,
        &["Wilayah", "Sasaran", "Jalur cakupan", "Pendanaan"],
    );
    harness
        .get_by_label("Kuota provinsi untuk semua wilayah")
        .click();
    harness.run_ok();
    set_number(&mut harness, "Pekerja yang dibiayai", "13.000");
    let quota = harness
        .state()
        .document()
        .scenario
        .province_quota
        .clone()
        .expect("quota");
    assert_eq!(quota.workers, 13_000);
    // Per region: the split starts from the split by pool, one row per kabupaten/kota, and
    // the parts add up to the quota.
    harness.get_by_label("Per wilayah").click();
    harness.run_ok();
    harness.get_by_label("Kota Palu");
    let doc = harness.state().document();
    match &doc.scenario.province_quota.as_ref().expect("quota").split {
        lindung::model::plan::QuotaSplit::Explicit(parts) => {
            assert_eq!(parts.len(), 13);
            assert_eq!(parts.iter().sum::<i64>(), 13_000);
        }
        other => panic!("{other:?}"),
    }
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
}

/// A budget that pays only part of each year is set in the coverage section.
#[test]
fn paying_part_of_the_year_is_set_in_the_coverage_section() {
    let mut harness = app_of_height(1400.0);
    open_example(&mut harness, "sigi-anggaran-2026.ron");
    toggle_sections(&mut harness, &["Wilayah", "Sasaran"]);
    harness.get_by_label("Dibayar hanya sebagian tahun").click();
    harness.run_ok();
    assert_eq!(
        harness.state().document().scenario.regions[0]
            .coverage
            .paid_until_month,
        Some(12)
    );
    set_number(&mut harness, "Bulan terakhir dibayar", "9");
    let doc = harness.state().document();
    assert_eq!(doc.scenario.regions[0].coverage.paid_until_month, Some(9));
    // The September wave still starts in a paid month.
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    // Rp3 miliar pays Rp16.800 × 9 = Rp151.200 a worker for January–September:
    // 3.000.000.000 / 151.200 = 19.841,3 → the later years keep 19.841 (under the pool of
    // 32.279), so 2026 ends with 19.841 members.
    let projection = doc.projection.as_ref().expect("computes");
    assert_eq!(projection.total[0].enrolled_end, 19_841);
}

/// A wave that is paid only until a month of the year it joins is set beside its start.
#[test]
fn a_wave_can_end_in_a_month_in_the_editor() {
    let mut harness = app_of_height(1600.0);
    open_example(&mut harness, "sigi-anggaran-2026.ron");
    toggle_sections(&mut harness, &["Wilayah", "Sasaran"]);
    harness
        .get_by_role_and_label(Role::CheckBox, "Gelombang 1: berakhir lebih awal")
        .click();
    harness.run_ok();
    set_number(&mut harness, "Gelombang 1: bulan terakhir", "6");
    let doc = harness.state().document();
    assert_eq!(
        doc.scenario.regions[0].coverage.waves[0].until_month,
        Some(6)
    );
    assert!(doc.problems.is_empty(), "{:?}", doc.problems);
    // Before its start month it is refused, under the field.
    set_number(&mut harness, "Gelombang 1: bulan terakhir", "0");
    assert!(harness.state().document().problems.iter().any(|p| {
        p.location
            == lindung::scenario::Location::Field(
                lindung::model::plan::field::plan()
                    .region(0)
                    .coverage()
                    .wave(0)
                    .until_month(),
            )
    }),);
}

/// Members who pass the upper age and leave are said under the results.
#[test]
fn members_leaving_at_the_upper_age_are_said() {
    let mut harness = app();
    open_example(&mut harness, "sigi-anggaran-2026.ron");
    // 2027–2030: 310 a year (14.880 / 48, ages 18–65 spread evenly) = 1.240.
    harness.get_by_label_contains(
        "2026–2030: 1.240 peserta keluar karena melewati batas usia kepesertaan",
    );
}

/// Many warnings fold into one list with their count, so the charts stay in view; a click
/// opens it.
#[test]
fn many_warnings_fold_into_one_list() {
    let mut harness = app();
    open_example(&mut harness, "sulteng-2026.ron");
    harness.get_by_label("Pagu anggaran » cakupan").click();
    harness.run_ok();
    // The example is a coverage plan: every region's budget is 0, and all 13 regions start
    // with members (start_pct > 0), so each cuts them in January 2026: 13 warnings of cuts
    // (and a few of payers who cannot pay their share), folded.
    harness.get_by_label_contains("Peringatan (");
    assert!(
        harness
            .query_by_label_contains("pagu tidak cukup")
            .is_none()
    );
    harness.get_by_label_contains("Peringatan (").click();
    harness.run_ok();
    assert_eq!(
        harness
            .query_all_by_label_contains("2026: pagu tidak cukup")
            .count(),
        13
    );
}

/// A dot in a percentage is a decimal point (45.5 is 45,5, never 455), and while the number
/// is typed the box says how it is read; in a count a dot that does not group thousands is
/// not read at all, and says so.
#[test]
fn numbers_typed_the_indonesian_way_are_read_as_meant() {
    let mut harness = app_of_height(1400.0);
    toggle_sections(&mut harness, &["Wilayah"]);
    harness
        .get_by_role_and_label(Role::SpinButton, "Cakupan awal")
        .click();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text("45.5".to_owned()));
    harness.run_ok();
    harness.get_by_label("dibaca: 45,5");
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
    assert_eq!(
        harness.state().document().scenario.regions[0]
            .coverage
            .start_pct,
        45.5
    );
    assert!(harness.query_by_label("dibaca: 45,5").is_none());

    let before = harness.state().document().scenario.regions[0].pool.count;
    harness
        .get_by_role_and_label(Role::SpinButton, "Jumlah sasaran")
        .click();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text("45.5".to_owned()));
    harness.run_ok();
    harness.get_by_label_contains("tidak terbaca");
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
    assert_eq!(
        harness.state().document().scenario.regions[0].pool.count,
        before
    );
}

/// The region chosen in the editor is the one the results show, and the other way round;
/// "Total" stays one click away.
#[test]
fn editor_and_results_show_the_same_region() {
    let mut harness = app_of_height(1200.0);
    open_example(&mut harness, "sulteng-2026.ron");
    harness.get_by_label("Kabupaten Poso").click();
    harness.run_ok();
    // The results' region picker now shows Poso.
    assert_eq!(region_in_results(&harness), "Kabupaten Poso");
    // Back to the total in the results: the editor stays on Poso.
    harness
        .get_by_role_and_label(Role::ComboBox, "Wilayah")
        .click();
    harness.run_ok();
    harness.get_by_label("Total semua wilayah").click();
    harness.run_ok();
    assert_eq!(region_in_editor(&harness), "Kabupaten Poso");
    // Choosing Sigi in the results selects it in the editor.
    harness
        .get_by_role_and_label(Role::ComboBox, "Wilayah")
        .click();
    harness.run_ok();
    harness
        .get_all_by_label("Kabupaten Sigi")
        .last()
        .expect("in the list")
        .click();
    harness.run_ok();
    assert_eq!(region_in_editor(&harness), "Kabupaten Sigi");
}

/// The region the results' picker shows.
fn region_in_results(harness: &Harness<'_, LindungApp>) -> String {
    let picker = harness.get_by_role_and_label(Role::ComboBox, "Wilayah");
    picker.value().unwrap_or_else(|| format!("{picker:?}"))
}

/// The name in the editor's "Nama wilayah" field.
fn region_in_editor(harness: &Harness<'_, LindungApp>) -> String {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Nama wilayah")
        .value()
        .unwrap_or_default()
}

/// Switching the language back and forth keeps the editor panel the width it had.
#[test]
fn switching_language_keeps_the_editor_width() {
    let mut harness = app();
    let width = |harness: &Harness<'_, LindungApp>| {
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "Judul")
            .rect()
            .width()
    };
    let before = width(&harness);
    for _ in 0..3 {
        harness.get_by_label("EN").click();
        harness.run_ok();
        harness.get_by_label("ID").click();
        harness.run_ok();
    }
    assert_eq!(width(&harness), before);
}

/// Switching to the budget direction offers to fill the regions' empty budgets: with each
/// region's own first-year cost under the coverage target, or one amount for all.
#[test]
fn switching_to_a_budget_offers_to_fill_the_budgets() {
    let mut harness = app_of_height(1000.0);
    open_example(&mut harness, "sulteng-2026.ron");
    let coverage = harness
        .state()
        .document()
        .projection
        .clone()
        .expect("computes");
    harness.get_by_label("Pagu anggaran » cakupan").click();
    harness.run_ok();
    harness.get_by_label_contains("13 wilayah berpagu Rp0");
    harness
        .get_by_label("Isi dengan biaya tahun pertama tiap wilayah")
        .click();
    harness.run_ok();
    let doc = harness.state().document();
    for (region, before) in doc.scenario.regions.iter().zip(&coverage.regions) {
        assert_eq!(
            region.budget,
            lindung::model::plan::Budget::Growing {
                amount: before.years[0].own_cost,
                growth_pct: 0.0
            },
            "{}",
            region.name
        );
    }
    assert!(harness.query_by_label_contains("berpagu Rp0").is_none());
}

/// Turning a ramp into one share per year reproduces the ramp exactly: the same members in
/// every year, not a few workers more or less from rounded shares.
#[test]
fn a_ramp_written_out_per_year_enrols_exactly_the_same() {
    let mut harness = app_of_height(1400.0);
    open_example(&mut harness, "sulteng-2026.ron");
    toggle_sections(&mut harness, &["Wilayah", "Sasaran"]);
    let ends = |harness: &Harness<'_, LindungApp>| -> Vec<i64> {
        let projection = harness
            .state()
            .document()
            .projection
            .clone()
            .expect("computes");
        projection.total.iter().map(|y| y.enrolled_end).collect()
    };
    let before = ends(&harness);
    harness.get_by_label("Per tahun").click();
    harness.run_ok();
    assert!(matches!(
        harness.state().document().scenario.regions[0].coverage.path,
        lindung::model::plan::CoveragePath::PerYear(_)
    ));
    assert_eq!(ends(&harness), before);
}

/// The bundled examples are listed by what they are about.
#[test]
fn bundled_examples_are_listed_by_title() {
    let mut harness = app();
    harness.get_by_label("Berkas").click();
    harness.run_ok();
    harness.get_by_label("Contoh bawaan").click();
    harness.run_ok();
    harness.get_by_label("Kabupaten Sigi 2026–2030: Rp3 miliar per tahun");
}

#[test]
fn problems_are_listed_in_the_planners_words_with_their_line_in_the_file() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/palu-2026.ron"),
    )
    .expect("reads the example");
    let bad = text.replacen("count: 60426", "count: -5", 1);
    // The line of the negative count, counted in the text itself.
    let line = bad
        .lines()
        .position(|l| l.contains("count: -5"))
        .map_or(0, |i| i + 1);
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("salah.ron");
    std::fs::write(&path, bad).expect("writes");
    let mut harness = app_of_height(1200.0);
    assert!(harness.state_mut().open_path(&path));
    harness.run_ok();
    harness.get_by_label("Daftar masalah").click();
    harness.run_ok();
    harness.get_by_label(&format!(
        "Wilayah 1 (Kota Palu) › Sasaran › Jumlah sasaran: harus ≥ 0 (baris {line})"
    ));
    // After an edit the file's lines no longer say where the value is: the place stays.
    set_number(&mut harness, "Pertumbuhan sasaran", "2");
    harness.get_by_label("Wilayah 1 (Kota Palu) › Sasaran › Jumlah sasaran: harus ≥ 0");
}

/// Lindung's own file dialog (used when the desktop has none): open a file by clicking it,
/// then save a copy under a name typed without its extension.
#[test]
fn lindungs_own_file_dialog_opens_and_saves() {
    let folder = tempfile::tempdir().expect("temp dir");
    let first = folder.path().join("a.ron");
    let second = folder.path().join("b.ron");
    std::fs::write(&first, EXAMPLES[0].1).expect("writes");
    std::fs::write(&second, EXAMPLES[2].1).expect("writes");
    // egui_file's two text fields (folder, file name) carry no accessible name of their own.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_accessibility_check(false)
        .build_eframe(|cc| {
            LindungApp::new(
                cc,
                Launch {
                    own_file_dialog: true,
                    ..Launch::default()
                },
            )
        });
    assert!(harness.state_mut().open_path(&first));
    harness.run_ok();

    // Berkas → Buka… opens in the folder of the file on screen; choose b.ron.
    harness.get_by_label("Berkas").click();
    harness.run_ok();
    harness.get_by_label_contains("Buka…").click();
    harness.run_ok();
    harness.get_by_label_contains("Buka skenario");
    harness.get_by_label_contains("b.ron").click();
    harness.run_ok();
    harness.get_by_label("Buka").click();
    harness.run_ok();
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(second.as_path())
    );
    assert!(harness.query_by_label_contains("Buka skenario").is_none());

    // Berkas → Simpan sebagai…: the name typed without ".ron" is saved as salinan.ron.
    harness.get_by_label("Berkas").click();
    harness.run_ok();
    harness.get_by_label_contains("Simpan sebagai…").click();
    harness.run_ok();
    harness
        .get(
            egui_kittest::kittest::by()
                .role(Role::TextInput)
                .value("b.ron"),
        )
        .click();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text("salinan".to_owned()));
    harness.run_ok();
    harness.get_by_label("Simpan").click();
    harness.run_ok();
    let copy = folder.path().join("salinan.ron");
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(copy.as_path())
    );
    let saved = lindung::scenario::load(&copy).expect("the copy opens");
    assert_eq!(saved.plan, harness.state().document().scenario);
}

/// The results open with a header: the scenario's title, then the owner, the region shown and
/// the years.
#[test]
fn the_header_names_the_scenario_the_region_and_the_years() {
    let mut harness = app_of_height(1200.0);
    // A one-region plan: its region, whose name is the owner's.
    harness.get_by_label("Kota Palu · 2026–2030");
    open_example(&mut harness, "sulteng-2026.ron");
    // The title on its tab and over the results.
    assert_eq!(
        harness
            .get_all_by_label("Sulawesi Tengah 2026–2030: menuju UCJ 71%")
            .count(),
        2
    );
    harness.get_by_label("Provinsi Sulawesi Tengah › Total 13 wilayah · 2026–2030");
    harness.get_by_label("Kabupaten Poso").click();
    harness.run_ok();
    harness.get_by_label("Provinsi Sulawesi Tengah › Kabupaten Poso · 2026–2030");
}

/// A long title is shown whole (it wraps), Enter adds no line break, and the region search's
/// box and its target fit the editor's width.
#[test]
fn long_titles_wrap_and_the_region_search_fits_the_editor() {
    let mut harness = app();
    let one_line = harness
        .get_by_role_and_label(Role::MultilineTextInput, "Penyusun")
        .rect()
        .height();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Judul")
        .click();
    harness.run_ok();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Text(
        "Kabupaten Banggai Kepulauan 2026–2030: perlindungan pekerja rentan di pesisir".into(),
    ));
    harness.key_press(egui::Key::Enter);
    harness.run_ok();
    let title = harness.get_by_role_and_label(Role::MultilineTextInput, "Judul");
    assert!(title.rect().height() > 1.5 * one_line, "{:?}", title.rect());
    let right = title.rect().right();
    assert_eq!(
        harness.state().document().scenario.meta.title,
        "Kabupaten Banggai Kepulauan 2026–2030: perlindungan pekerja rentan di pesisir"
    );
    let target = harness.get_by_role_and_label(Role::ComboBox, "Cari wilayah");
    assert!(target.rect().right() <= right + 1.0, "{:?}", target.rect());
}

/// Saving over a file with hand-written comments asks first: they would be lost.
#[test]
fn saving_over_a_commented_file_asks_before_dropping_the_comments() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("berkomentar.ron");
    // A comment of the team's besides the first line (which names the Lindung that saved it,
    // and is not one the user wrote).
    let commented = EXAMPLES[0]
        .1
        .replacen("\n(\n", "\n// Catatan tim Bappeda\n(\n", 1);
    assert!(commented.contains("// Catatan tim Bappeda"));
    std::fs::write(&path, &commented).expect("writes");
    let mut harness = app_of_height(1200.0);
    assert!(harness.state_mut().open_path(&path));
    harness.run_ok();
    set_number(&mut harness, "Jumlah sasaran", "61000");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    harness.get_by_label("Komentar dalam berkas akan hilang");
    // Batal: nothing written.
    harness.get_by_label("Batal").click();
    harness.run_ok();
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), commented);
    assert!(harness.state().document().is_dirty());
    // Saved without the comments when the user says so.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    harness.get_by_label("Simpan tanpa komentar").click();
    harness.run_ok();
    let saved = std::fs::read_to_string(&path).expect("reads");
    assert!(
        !saved.contains("Catatan tim Bappeda") && saved.contains("count: 61000"),
        "{saved}"
    );
    assert!(!harness.state().document().is_dirty());
}

/// Settings kept in memory, as eframe would write them to disk.
#[derive(Default)]
struct Memory(std::collections::HashMap<String, String>);

impl eframe::Storage for Memory {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

/// "Jangan simpan" on closing discards: what is kept for the next start is the scenario as
/// saved, not the edits.
#[test]
fn discarding_on_close_discards_for_the_next_start() {
    let mut harness = app_of_height(1200.0);
    let saved = harness.state().document().scenario.clone();
    set_number(&mut harness, "Jumlah sasaran", "100.000");
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run_ok();
    harness.get_by_label("Jangan simpan").click();
    harness.run_ok();
    let mut memory = Memory::default();
    eframe::App::save(harness.state_mut(), &mut memory);
    let state: lindung::ui::AppState =
        eframe::get_value(&memory, eframe::APP_KEY).expect("settings kept");
    assert_eq!(state.open.len(), 1);
    assert!(!state.open[0].dirty);
    let restored = state.open[0].document().expect("restored");
    assert_eq!(restored.scenario, saved);
}

/// A file changed by a colleague since it was opened: saving over it asks first, and so does
/// coming back to the window.
#[test]
fn a_file_changed_on_disk_is_never_overwritten_without_asking() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("bersama.ron");
    std::fs::write(&path, EXAMPLES[0].1).expect("writes");
    let mut harness = app_of_height(1200.0);
    assert!(harness.state_mut().open_path(&path));
    harness.run_ok();
    set_number(&mut harness, "Jumlah sasaran", "61000");
    let theirs = EXAMPLES[0].1.replacen("count: 60426", "count: 70000", 1);
    std::fs::write(&path, &theirs).expect("a colleague saves");

    // Ctrl+S: asked; Batal keeps their file.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    harness.get_by_label("Berkas berubah di disk");
    harness.get_by_label("Batal").click();
    harness.run_ok();
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), theirs);

    // Back to the window after switching away: asked once; reloading shows their version.
    harness.event(egui::Event::WindowFocused(true));
    harness.run_ok();
    harness.get_by_label("Muat ulang dari disk").click();
    harness.run_ok();
    let doc = harness.state().document();
    assert_eq!(doc.scenario.regions[0].pool.count, 70_000);
    assert!(!doc.is_dirty());
    harness.event(egui::Event::WindowFocused(true));
    harness.run_ok();
    assert!(harness.query_by_label("Berkas berubah di disk").is_none());

    // Overwriting on purpose: their file is replaced by ours when the user says so.
    set_number(&mut harness, "Jumlah sasaran", "62000");
    std::fs::write(&path, EXAMPLES[0].1).expect("a colleague saves again");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_ok();
    harness.get_by_label("Timpa versi di disk").click();
    harness.run_ok();
    assert!(
        std::fs::read_to_string(&path)
            .expect("reads")
            .contains("count: 62000")
    );
    assert!(!harness.state().document().is_dirty());
}

/// Unsaved work left by a run that was killed is offered at the next start; recovered, it is
/// unsaved work again (kept for recovery by this run), and its old copy is gone.
#[test]
fn work_left_by_a_killed_run_is_offered_and_recovered() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut scenario = lindung::scenario::parse(EXAMPLES[0].1)
        .expect("parses")
        .plan;
    scenario.regions[0].pool.count = 54_321;
    let recovery = lindung::ui::settings::Recovery {
        path: None,
        example: Some("palu-2026.ron".to_owned()),
        scenario: lindung::scenario::to_ron_string(&scenario).expect("writes"),
    };
    let left = folder.path().join("pemulihan").join("1.ron");
    std::fs::create_dir_all(left.parent().expect("folder")).expect("creates");
    std::fs::write(
        &left,
        ron::ser::to_string_pretty(&recovery, ron::ser::PrettyConfig::default()).expect("ron"),
    )
    .expect("writes");
    let data_folder = folder.path().to_owned();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            LindungApp::new(
                cc,
                Launch {
                    data_folder: Some(data_folder.clone()),
                    ..Launch::default()
                },
            )
        });
    harness.run_ok();
    harness.get_by_label("Pulihkan pekerjaan yang belum disimpan?");
    harness.get_by_label("Pulihkan").click();
    harness.run_ok();
    let doc = harness.state().document();
    assert_eq!(doc.scenario, scenario);
    assert!(doc.is_dirty());
    assert!(!left.exists());
    // Within a few seconds this run keeps its own copy.
    let tab = harness.state().workspace().active_id();
    let own = lindung::ui::settings::recovery_path(folder.path(), tab);
    for _ in 0..400 {
        if own.exists() {
            break;
        }
        harness.step();
    }
    assert!(own.exists());
    // Saved, the copy goes; edited again, it comes back a few seconds later.
    let saved_to = folder.path().join("dipulihkan.ron");
    assert!(harness.state_mut().save_to(&saved_to));
    harness.run_ok();
    assert!(!own.exists());
    set_number(&mut harness, "Jumlah sasaran", "55000");
    for _ in 0..400 {
        if own.exists() {
            break;
        }
        harness.step();
    }
    assert!(own.exists());
    std::fs::remove_file(own).ok();
}

/// A tab's tooltip says which Lindung saved its file (the file's first line), and after saving,
/// this one.
#[test]
fn a_tabs_tooltip_names_the_lindung_that_saved_the_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("dari-kantor-lain.ron");
    // A colleague's newer Lindung saved it (the format is the same).
    let text = EXAMPLES[0].1.replacen(
        &format!("Lindung {}", env!("CARGO_PKG_VERSION")),
        "Lindung 0.4.2",
        2,
    );
    assert!(text.starts_with("// Disimpan dengan Lindung 0.4.2 / saved with Lindung 0.4.2\n"));
    std::fs::write(&path, &text).expect("writes");
    let mut harness = app();
    assert!(harness.state_mut().open_path(&path));
    harness.run_ok();
    let title = harness.state().document().scenario.meta.title.clone();
    let tooltip = |harness: &mut Harness<'static, LindungApp>, version: &str| {
        harness
            .get_all_by_label(&title)
            .next()
            .expect("the tab")
            .hover();
        let wanted = format!("Disimpan dengan Lindung {version}");
        // Tooltips show once the pointer rests (a few frames of a quarter second each).
        for _ in 0..8 {
            harness.step();
            if harness.query_by_label_contains(&wanted).is_some() {
                return true;
            }
        }
        false
    };
    assert!(tooltip(&mut harness, "0.4.2"));
    assert!(harness.state_mut().save_to(&path));
    harness.run_ok();
    assert!(tooltip(&mut harness, env!("CARGO_PKG_VERSION")));
}
