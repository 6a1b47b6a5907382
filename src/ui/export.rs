//! Exports from the app, as jobs off the UI thread (what the command line writes, from what
//! is open): the PDF handout of every open scenario (the baseline first), the Excel workbook
//! and the CSV of the scenario in front (every open scenario in one CSV, with a `scenario`
//! column), a chart as PNG at the chosen size and scale, or on the clipboard.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::Projection;
use crate::model::plan::Plan;
use crate::report::Dialect;
use crate::scenario;

use super::chart_export::{ChartKind, chart_pngs};
use super::jobs::{Jobs, Outcome, Progress};
use super::workspace::{Tab, Workspace};

/// What is exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// The printed handout of every open scenario.
    Pdf,
    /// The workbook of the scenario in front.
    Xlsx,
    /// The year table of every open scenario.
    Csv(Dialect),
    /// A chart of the scenario in front, as shown (its region).
    Png(ChartKind),
}

impl ExportKind {
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Pdf => "pdf",
            ExportKind::Xlsx => "xlsx",
            ExportKind::Csv(_) => "csv",
            ExportKind::Png(_) => "png",
        }
    }

    /// The file dialog's filter name.
    pub fn filter_name(self, lang: Lang) -> String {
        lang.tr(match self {
            ExportKind::Pdf => "ui.export.filter_pdf",
            ExportKind::Xlsx => "ui.export.filter_xlsx",
            ExportKind::Csv(_) => "ui.export.filter_csv",
            ExportKind::Png(_) => "ui.export.filter_png",
        })
    }

    fn title(self, lang: Lang) -> String {
        match self {
            ExportKind::Pdf => lang.tr("ui.export.pdf"),
            ExportKind::Xlsx => lang.tr("ui.export.xlsx"),
            ExportKind::Csv(Dialect::Standard) => lang.tr("ui.export.csv"),
            ExportKind::Csv(Dialect::Indonesia) => lang.tr("ui.export.csv_id"),
            ExportKind::Png(chart) => {
                lang.tr_args("ui.export.png", &[("chart", chart.title(lang))])
            }
        }
    }
}

/// The size and scale of exported chart images (remembered between runs).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImageSize {
    pub width: u32,
    pub height: u32,
    /// Pixels per point: 1 for a slide, 2 for print.
    pub scale: f32,
}

impl Default for ImageSize {
    fn default() -> Self {
        Self {
            width: 1920,
            height: 1080,
            scale: 1.0,
        }
    }
}

/// The file name a save dialog proposes: the scenario's file name with the export's
/// extension.
pub fn proposed_name(work: &Workspace, kind: ExportKind) -> String {
    let stem = work
        .active()
        .doc
        .display_name()
        .and_then(|name| {
            Path::new(&name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .unwrap_or_else(|| "skenario".to_owned());
    let suffix = match kind {
        ExportKind::Png(ChartKind::Coverage) => "-cakupan",
        ExportKind::Png(ChartKind::Budget) => "-anggaran",
        ExportKind::Png(ChartKind::Protection) => "-perlindungan",
        ExportKind::Pdf if work.count() > 1 => "-perbandingan",
        _ => "",
    };
    format!("{stem}{suffix}.{}", kind.extension())
}

/// A scenario as a worker gets it: its own copy of the plan and results.
struct Owned {
    file: String,
    title: String,
    plan: Plan,
    projection: Projection,
}

/// The tabs an export takes, in order (the baseline first for a PDF); refused, with the
/// titles to fix, when any of them shows results of an earlier input.
fn owned(tabs: &[&Tab], lang: Lang) -> Result<Vec<Owned>, String> {
    let untitled = lang.tr("ui.untitled");
    let stale: Vec<String> = tabs
        .iter()
        .filter(|t| t.doc.is_stale() || t.doc.projection.is_none())
        .map(|t| t.title(&untitled))
        .collect();
    if !stale.is_empty() {
        return Err(lang.tr_args("ui.export.fix_first", &[("titles", stale.join(", "))]));
    }
    Ok(tabs
        .iter()
        .filter_map(|t| {
            Some(Owned {
                file: t.doc.display_name().unwrap_or_else(|| untitled.clone()),
                title: t.title(&untitled),
                plan: t.doc.scenario.clone(),
                projection: t.doc.projection.clone()?,
            })
        })
        .collect())
}

/// Starts exporting `kind` to `path` (to the clipboard when `path` is `None`, for a chart).
pub fn start(
    jobs: &mut Jobs,
    ctx: &egui::Context,
    work: &Workspace,
    kind: ExportKind,
    path: Option<PathBuf>,
    size: ImageSize,
    lang: Lang,
) {
    let title = match &path {
        Some(_) => kind.title(lang),
        None => lang.tr("ui.export.copy_chart"),
    };
    let active = work.active();
    let tabs: Vec<&Tab> = match kind {
        ExportKind::Pdf => {
            let baseline = work.baseline_index();
            std::iter::once(&work.tabs()[baseline])
                .chain(
                    work.tabs()
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != baseline)
                        .map(|(_, t)| t),
                )
                .collect()
        }
        ExportKind::Csv(_) => work.tabs().iter().collect(),
        ExportKind::Xlsx | ExportKind::Png(_) => vec![active],
    };
    // Never over a scenario file that is open.
    if let Some(path) = &path
        && let Some(tab) = work.tabs().iter().find(|t| {
            t.doc
                .path
                .as_deref()
                .is_some_and(|p| scenario::file::same_file(p, path))
        })
    {
        let file = tab.doc.display_name().unwrap_or_default();
        jobs.tell(
            title,
            lang.tr_args("ui.export.over_scenario", &[("file", file)]),
            true,
        );
        return;
    }
    let scenarios = match owned(&tabs, lang) {
        Ok(scenarios) => scenarios,
        Err(message) => {
            jobs.tell(title, message, true);
            return;
        }
    };
    let region = active.results.region();
    jobs.start(ctx, title, move |progress| {
        let made = make(kind, &scenarios, region, size, progress, lang);
        match (made, path) {
            (Ok(None), _) => Outcome::Cancelled,
            (Err(message), _) => Outcome::Failed(message),
            (Ok(Some(bytes)), Some(path)) => {
                if !progress.step(1.0) {
                    return Outcome::Cancelled;
                }
                match scenario::file::write_atomically(&path, &bytes) {
                    Ok(_) => Outcome::Written(path),
                    Err(problem) => {
                        Outcome::Failed(problem.render(&path.display().to_string(), lang))
                    }
                }
            }
            (Ok(Some(bytes)), None) => match image::load_from_memory(&bytes) {
                Ok(image) => {
                    let rgba = image.to_rgba8();
                    let size = [rgba.width() as usize, rgba.height() as usize];
                    Outcome::Image(egui::ColorImage::from_rgba_unmultiplied(
                        size,
                        rgba.as_raw(),
                    ))
                }
                Err(e) => Outcome::Failed(e.to_string()),
            },
        }
    });
}

/// The export's bytes (`None` when cancelled).
fn make(
    kind: ExportKind,
    scenarios: &[Owned],
    region: Option<usize>,
    size: ImageSize,
    progress: &Progress,
    lang: Lang,
) -> Result<Option<Vec<u8>>, String> {
    let Some(first) = scenarios.first() else {
        return Ok(Some(Vec::new()));
    };
    if !progress.step(0.05) {
        return Ok(None);
    }
    match kind {
        ExportKind::Pdf => pdf(scenarios, progress, lang),
        ExportKind::Xlsx => xlsx(first, lang),
        ExportKind::Csv(dialect) => {
            let named = scenarios.len() > 1;
            let projections: Vec<_> = scenarios
                .iter()
                .map(|s| (named.then_some(s.title.as_str()), &s.projection))
                .collect();
            let mut bytes = Vec::new();
            crate::report::write_csv_of(&projections, dialect, &mut bytes)
                .map_err(|e| lang.tr_args("problem.write", &[("detail", e.to_string())]))?;
            Ok(Some(bytes))
        }
        ExportKind::Png(chart) => {
            let only = region.filter(|r| *r < first.projection.regions.len());
            chart_pngs(
                &first.plan,
                &first.projection,
                only,
                &[chart],
                (size.width, size.height),
                size.scale,
                lang,
            )
            .map(|mut pngs| pngs.pop())
            .map_err(|e| lang.tr_args("cli.chart_failed", &[("detail", e)]))
        }
    }
}

#[cfg(feature = "export")]
fn pdf(scenarios: &[Owned], progress: &Progress, lang: Lang) -> Result<Option<Vec<u8>>, String> {
    use crate::report::export::{Input, handout};
    let inputs: Vec<Input<'_>> = scenarios
        .iter()
        .map(|s| Input {
            file: s.file.clone(),
            plan: &s.plan,
            projection: &s.projection,
        })
        .collect();
    let mut charts = |plan: &Plan, projection: &Projection| {
        super::chart_export::report_charts(plan, projection, lang)
    };
    // Drawing the charts is most of the work: a step per scenario.
    let mut step = |done: usize, all: usize| progress.step(0.05 + 0.9 * done as f32 / all as f32);
    handout(&inputs, &mut charts, &mut step, lang)
}

#[cfg(feature = "export")]
fn xlsx(scenario: &Owned, lang: Lang) -> Result<Option<Vec<u8>>, String> {
    crate::report::export::workbook(&scenario.plan, &scenario.projection, lang).map(Some)
}

#[cfg(not(feature = "export"))]
fn pdf(_: &[Owned], _: &Progress, lang: Lang) -> Result<Option<Vec<u8>>, String> {
    Err(lang.tr("cli.without_export"))
}

#[cfg(not(feature = "export"))]
fn xlsx(_: &Owned, lang: Lang) -> Result<Option<Vec<u8>>, String> {
    Err(lang.tr("cli.without_export"))
}
