//! Charts as images: `lindung chart` writes a PNG of the asked size, drawn by the same chart
//! code and renderer as a kittest render of the chart.

#![allow(clippy::expect_used)]

use std::process::Command;

use egui_kittest::Harness;
use lindung::i18n::Lang;
use lindung::ui::chart_export::{ChartKind, chart_ui};

const SIGI: &str = "scenarios/sigi-anggaran-2026.ron";

fn lindung(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lindung"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("lindung runs")
}

#[test]
fn a_chart_image_has_the_asked_size_and_matches_the_kittest_render() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("anggaran.png");
    let out = lindung(&[
        "chart",
        SIGI,
        "--kind",
        "budget",
        "--png",
        png.to_str().expect("utf-8"),
        "--size",
        "1280x720",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exported = image::open(&png).expect("a PNG").to_rgba8();
    assert_eq!(exported.dimensions(), (1280, 720));

    // The same chart drawn in a kittest harness of the same size.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SIGI);
    let plan = lindung::scenario::load(&path).expect("loads").plan;
    let projection = lindung::scenario::evaluate(&plan).expect("computes");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_ui(|ui| {
            egui::Frame::central_panel(ui.style()).show(ui, |ui| {
                ui.set_min_size(ui.available_size());
                chart_ui(ui, &plan, &projection, None, ChartKind::Budget, Lang::Id);
            });
        });
    lindung::ui::chart_export::prepare(&harness.ctx);
    harness.run();
    let rendered = harness.render().expect("renders");
    let differing = exported
        .pixels()
        .zip(rendered.pixels())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(differing, 0, "{differing} pixels differ");
    // Sigi's own APBD pays: its bars are in the Okabe–Ito blue (0, 114, 178).
    assert!(exported.pixels().any(|p| p.0[..3] == [0, 114, 178]));
}

#[test]
fn a_size_out_of_range_is_refused_with_a_reason() {
    let out = lindung(&[
        "chart", SIGI, "--kind", "coverage", "--png", "x.png", "--size", "99999x10",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("16–8192"), "{text}");
}
