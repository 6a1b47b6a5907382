//! CPU time of one frame of the real app for the Sulawesi Tengah example (13 regions) at
//! 1280×800: recompute, layout and drawing, and tessellation (everything but the GPU upload).
//! Each iteration edits the pool of one region, so every frame recomputes the projection.
//! The same for a national plan of 514 kabupaten/kota over 30 years, and for eight Sulteng
//! scenarios open in the comparison (edited, and redrawn unchanged).

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use lindung::ui::{Command, EXAMPLES, Launch, LindungApp};

mod common;

fn frame(c: &mut Criterion) {
    let sulteng = EXAMPLES
        .iter()
        .position(|(name, _)| name.starts_with("sulteng"))
        .unwrap_or(0);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| LindungApp::new(cc, Launch::default()));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run_command(&ctx, Command::OpenExample(sulteng));
    harness.run_ok();

    let mut group = c.benchmark_group("frame");
    for (tab, name) in [
        ("Cakupan", "coverage"),
        ("Anggaran", "budget"),
        ("Perlindungan keluarga", "protection"),
        ("Tabel", "table"),
    ] {
        harness.get_by_label(tab).click();
        harness.run_ok();
        let mut step = 0_i64;
        group.bench_function(format!("sulteng_1280x800_edit_{name}"), |b| {
            b.iter(|| {
                step += 1;
                let scenario = &mut harness.state_mut().document_mut().scenario;
                scenario.regions[0].pool.count = 50_000 + step % 1000;
                harness.step();
                // What the integration does next on the CPU: turn shapes into triangles.
                let output = harness.output();
                ctx.tessellate(output.shapes.clone(), output.pixels_per_point)
            });
        });
    }
    // The national plan (514 kabupaten/kota, 30 years): an edit to one region recomputes that
    // region and the total, validates the plan, and redraws.
    harness.state_mut().document_mut().scenario = common::national();
    harness.run_ok();
    for (tab, name) in [("Cakupan", "coverage"), ("Tabel", "table")] {
        // The table's header says "Cakupan" too: the tab is the button.
        harness
            .get_by_role_and_label(egui::accesskit::Role::Button, tab)
            .click();
        harness.run_ok();
        let mut step = 0_i64;
        group.bench_function(format!("national_1280x800_edit_{name}"), |b| {
            b.iter(|| {
                step += 1;
                let scenario = &mut harness.state_mut().document_mut().scenario;
                scenario.regions[7].pool.count = 50_000 + step % 1000;
                harness.step();
                let output = harness.output();
                ctx.tessellate(output.shapes.clone(), output.pixels_per_point)
            });
        });
    }
    // Eight Sulteng-size scenarios open and compared: an edit in one tab recomputes that
    // scenario, the difference table and the overlays, and redraws.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| LindungApp::new(cc, Launch::default()));
    let ctx = harness.ctx.clone();
    for _ in 0..8 {
        harness
            .state_mut()
            .run_command(&ctx, Command::OpenExample(sulteng));
    }
    harness
        .state_mut()
        .run_command(&ctx, Command::ShowComparison(true));
    harness.run_ok();
    let mut step = 0_i64;
    group.bench_function("eight_sulteng_1280x800_edit_comparison", |b| {
        b.iter(|| {
            step += 1;
            let scenario = &mut harness.state_mut().document_mut().scenario;
            scenario.regions[0].pool.count = 50_000 + step % 1000;
            harness.step();
            let output = harness.output();
            ctx.tessellate(output.shapes.clone(), output.pixels_per_point)
        });
    });
    // The same comparison redrawn without an edit (the pointer moves, a tooltip shows): the
    // differences, sentences and overlays are not worked out again.
    group.bench_function("eight_sulteng_1280x800_comparison_unchanged", |b| {
        b.iter(|| {
            harness.step();
            let output = harness.output();
            ctx.tessellate(output.shapes.clone(), output.pixels_per_point)
        });
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
