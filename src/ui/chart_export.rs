//! A chart as a PNG image, drawn by the same chart code as the screen and rendered off
//! screen through egui's own wgpu renderer (the one egui_kittest uses), at a chosen size and
//! scale: what is exported is what is shown.

use egui_kittest::Harness;

use crate::i18n::Lang;
use crate::model::Projection;
use crate::model::plan::Plan;

use super::charts::{self, Place};
use super::state::ThemeChoice;
use super::theme;

/// Which chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Coverage,
    Budget,
    Protection,
}

impl ChartKind {
    pub const ALL: [ChartKind; 3] = [
        ChartKind::Coverage,
        ChartKind::Budget,
        ChartKind::Protection,
    ];

    /// The chart's name, as its tab says it.
    pub fn title(self, lang: Lang) -> String {
        lang.tr(match self {
            ChartKind::Coverage => "ui.tab.coverage",
            ChartKind::Budget => "ui.tab.budget",
            ChartKind::Protection => "ui.tab.protection",
        })
    }
}

/// The chart `kind` of `plan` (region `only`, or the total) under its title: the scenario's
/// title, then the chart, the region and the years.
pub fn chart_ui(
    ui: &mut egui::Ui,
    plan: &Plan,
    projection: &Projection,
    only: Option<usize>,
    kind: ChartKind,
    lang: Lang,
) {
    let rows = projection.years_of(only);
    let region = only.and_then(|i| projection.regions.get(i)).map_or_else(
        || plan.meta.region_name.trim().to_owned(),
        |r| r.name.clone(),
    );
    let (first, last) = (
        rows.first().map_or(0, |r| r.year),
        rows.last().map_or(0, |r| r.year),
    );
    let name = kind.title(lang);
    ui.label(
        egui::RichText::new(plan.meta.title.trim())
            .size(20.0)
            .strong(),
    );
    ui.label(
        egui::RichText::new(format!("{name} · {region} · {first}–{last}"))
            .size(15.0)
            .color(theme::accent(ui)),
    );
    match kind {
        ChartKind::Coverage => {
            // The target is drawn, not offered for editing.
            let _unchanged = charts::coverage_ui(
                ui,
                rows,
                Place::Page,
                plan.meta.ucj_target.as_ref(),
                false,
                lang,
            );
        }
        ChartKind::Budget => charts::budget_ui(ui, rows, Place::Page, plan.direction, lang),
        ChartKind::Protection => {
            let owed = only
                .and_then(|i| projection.regions.get(i))
                .map_or(projection.scholarships_after_horizon, |r| {
                    r.scholarships_after_horizon
                });
            charts::protection_ui(ui, rows, Place::Page, projection, owed, lang);
        }
    }
}

/// Sets up a context to draw exported charts: the light theme.
pub fn prepare(ctx: &egui::Context) {
    theme::install(ctx, ThemeChoice::Light);
}

/// The charts `kinds` as images of `size` pixels at `scale` pixels per point (1 for a slide,
/// 2 for print), each encoded as PNG.
pub fn chart_pngs(
    plan: &Plan,
    projection: &Projection,
    only: Option<usize>,
    kinds: &[ChartKind],
    size: (u32, u32),
    scale: f32,
    lang: Lang,
) -> Result<Vec<Vec<u8>>, String> {
    chart_images(plan, projection, only, kinds, size, scale, lang)?
        .into_iter()
        .map(|image| {
            let mut bytes = Vec::new();
            image
                .write_to(
                    &mut std::io::Cursor::new(&mut bytes),
                    image::ImageFormat::Png,
                )
                .map_err(|e| e.to_string())?;
            Ok(bytes)
        })
        .collect()
}

/// The charts `kinds` as drawn, `size` pixels at `scale` pixels per point. One renderer draws
/// them all (setting it up is most of the time).
fn chart_images(
    plan: &Plan,
    projection: &Projection,
    only: Option<usize>,
    kinds: &[ChartKind],
    (width, height): (u32, u32),
    scale: f32,
    lang: Lang,
) -> Result<Vec<image::RgbaImage>, String> {
    let Some(&first) = kinds.first() else {
        return Ok(Vec::new());
    };
    let points = egui::vec2(width as f32 / scale, height as f32 / scale);
    let mut harness = Harness::builder()
        .with_size(points)
        .with_pixels_per_point(scale)
        // A title in a script the font lacks shows boxes, never stops the export.
        .allow_missing_glyphs()
        .wgpu()
        .build_ui_state(
            |ui, kind: &mut ChartKind| {
                egui::Frame::central_panel(ui.style()).show(ui, |ui| {
                    ui.set_min_size(ui.available_size());
                    chart_ui(ui, plan, projection, only, *kind, lang);
                });
            },
            first,
        );
    prepare(&harness.ctx);
    kinds
        .iter()
        .map(|kind| {
            *harness.state_mut() = *kind;
            harness.run();
            harness.render()
        })
        .collect()
}

/// A report's charts: 800×450 points at 1,75 pixels a point, about 200 dots per inch across
/// the printed page's 17 cm (drawing them is most of a report's time, and grows with the
/// pixels: at 2 pixels a point a batch of 13 reports took 10–11 s, at 1,75 about 8 s).
const REPORT_SIZE: (u32, u32) = (1400, 788);
const REPORT_SCALE: f32 = 1.75;

/// The three charts of a printed report (coverage, budget, protection) with their titles.
#[cfg(feature = "export")]
pub fn report_charts(
    plan: &Plan,
    projection: &Projection,
    lang: Lang,
) -> Result<crate::report::export::Charts, String> {
    let images = chart_images(
        plan,
        projection,
        None,
        &ChartKind::ALL,
        REPORT_SIZE,
        REPORT_SCALE,
        lang,
    )
    .map_err(|e| lang.tr_args("cli.chart_failed", &[("detail", e)]))?;
    Ok(ChartKind::ALL
        .iter()
        .zip(images)
        .map(|(kind, image)| crate::report::pdf::ChartImage {
            title: kind.title(lang),
            width: image.width(),
            height: image.height(),
            rgba: image.into_raw(),
        })
        .collect())
}
