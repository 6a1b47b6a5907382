//! The files made for people rather than programs: `lindung export` (Excel), `lindung
//! report` (PDF) and `lindung chart` (PNG).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::i18n::Lang;
use crate::model::Projection;
use crate::model::plan::Plan;
#[cfg(feature = "export")]
use crate::report;
use crate::scenario;

use super::run::find_region;
use super::{load_and_evaluate, report};

#[derive(Clone, Copy, Debug, ValueEnum)]
pub(super) enum ChartArg {
    Coverage,
    Budget,
    Protection,
}

/// `--size 1920x1080`: two whole numbers of pixels, each from 16 to the largest side an
/// image can be rendered at.
pub(super) fn parse_size(text: &str) -> Result<(u32, u32), String> {
    // The largest texture graphics cards render at once.
    const MAX_SIDE: u32 = 8192;
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(|| {
        format!("'{text}': tulis lebar x tinggi, mis. 1920x1080 / write width x height")
    })?;
    let side = |t: &str| -> Result<u32, String> {
        let value: u32 = t
            .trim()
            .parse()
            .map_err(|_| format!("'{t}': bukan bilangan bulat / not a whole number"))?;
        if (16..=MAX_SIDE).contains(&value) {
            Ok(value)
        } else {
            Err(format!(
                "{value}: harus 16–{MAX_SIDE} piksel / must be 16–{MAX_SIDE} pixels"
            ))
        }
    };
    Ok((side(w)?, side(h)?))
}

/// `--scale 2`: from 0,5 to 4 pixels per point.
pub(super) fn parse_scale(text: &str) -> Result<f32, String> {
    let value: f32 = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("'{text}': bukan bilangan / not a number"))?;
    if (0.5..=4.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value}: harus 0,5–4 / must be 0.5–4"))
    }
}

/// Whether `out` is the scenario `file` itself; if so, says so (a file is never written over
/// the scenario it was made from).
pub(super) fn output_is_input(file: &Path, out: &Path, lang: Lang, err: &mut dyn Write) -> bool {
    let same = scenario::file::same_file(file, out);
    if same {
        let message = lang.tr_args(
            "cli.output_is_input",
            &[("file", out.display().to_string())],
        );
        writeln!(err, "{}: {message}", file.display()).ok();
    }
    same
}

/// Writes `made` to `path` whole and atomically (an older file is replaced only by a complete
/// new one); the exit code, with what went wrong on `err`.
fn write_whole(path: &Path, made: Result<Vec<u8>, String>, lang: Lang, err: &mut dyn Write) -> u8 {
    let written = made.and_then(|bytes| {
        scenario::file::write_atomically(path, &bytes)
            .map(|_| ())
            .map_err(|p| p.message(lang))
    });
    match written {
        Ok(()) => 0,
        Err(message) => {
            writeln!(err, "{}: {message}", path.display()).ok();
            1
        }
    }
}

/// `lindung export` and `lindung report` in a build without them.
#[cfg(not(feature = "export"))]
fn without_export(lang: Lang, err: &mut dyn Write) -> u8 {
    writeln!(err, "lindung: {}", lang.tr("cli.without_export")).ok();
    2
}

#[cfg(not(feature = "export"))]
pub(super) fn export(_: &Path, _: &Path, lang: Lang, err: &mut dyn Write) -> u8 {
    without_export(lang, err)
}

#[cfg(not(feature = "export"))]
pub(super) fn pdf_report(_: &[PathBuf], _: &Path, lang: Lang, err: &mut dyn Write) -> u8 {
    without_export(lang, err)
}

/// `lindung export`: the scenario as an Excel workbook, written whole or not at all.
#[cfg(feature = "export")]
pub(super) fn export(file: &Path, xlsx: &Path, lang: Lang, err: &mut dyn Write) -> u8 {
    if output_is_input(file, xlsx, lang, err) {
        return 2;
    }
    let (plan, projection) = match load_and_evaluate(file) {
        Ok((loaded, projection)) => (loaded.plan, projection),
        Err(problems) => {
            report(file, &problems, lang, err);
            return 1;
        }
    };
    let made = report::export::workbook(&plan, &projection, lang);
    write_whole(xlsx, made, lang, err)
}

/// `lindung report`: the handout of every file as one PDF, written whole or not at all.
#[cfg(feature = "export")]
pub(super) fn pdf_report(files: &[PathBuf], pdf: &Path, lang: Lang, err: &mut dyn Write) -> u8 {
    if files
        .iter()
        .any(|file| output_is_input(file, pdf, lang, err))
    {
        return 2;
    }
    let mut computed = Vec::new();
    for file in files {
        match load_and_evaluate(file) {
            Ok((loaded, projection)) => computed.push((file, loaded.plan, projection)),
            Err(problems) => report(file, &problems, lang, err),
        }
    }
    if computed.len() < files.len() {
        return 1;
    }
    let inputs: Vec<report::export::Input<'_>> = computed
        .iter()
        .map(|(file, plan, projection)| report::export::Input {
            file: file.file_name().map_or_else(
                || file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            plan,
            projection,
        })
        .collect();
    let mut charts = |plan: &Plan, projection: &Projection| report_charts(plan, projection, lang);
    let made = report::export::handout(&inputs, &mut charts, &mut |_, _| true, lang)
        .map(Option::unwrap_or_default);
    write_whole(pdf, made, lang, err)
}

/// The three charts of a report, drawn by the app's chart code (none without the GUI).
#[cfg(all(feature = "export", feature = "gui"))]
fn report_charts(
    plan: &Plan,
    projection: &Projection,
    lang: Lang,
) -> Result<report::export::Charts, String> {
    crate::ui::chart_export::report_charts(plan, projection, lang)
}

#[cfg(all(feature = "export", not(feature = "gui")))]
fn report_charts(_: &Plan, _: &Projection, _: Lang) -> Result<report::export::Charts, String> {
    Ok(Vec::new())
}

/// What `lindung chart` draws.
#[cfg_attr(
    not(feature = "gui"),
    expect(dead_code, reason = "without the GUI no chart is drawn, only refused")
)]
pub(super) struct ChartRequest<'a> {
    pub(super) kind: ChartArg,
    pub(super) size: (u32, u32),
    pub(super) scale: f32,
    pub(super) region: Option<&'a str>,
    pub(super) lang: Lang,
}

/// `lindung chart`: a chart as a PNG image, written whole or not at all.
pub(super) fn chart(file: &Path, png: &Path, how: &ChartRequest<'_>, err: &mut dyn Write) -> u8 {
    let lang = how.lang;
    if output_is_input(file, png, lang, err) {
        return 2;
    }
    let (loaded, projection) = match load_and_evaluate(file) {
        Ok(computed) => computed,
        Err(problems) => {
            report(file, &problems, lang, err);
            return 1;
        }
    };
    let only = match how.region {
        None => None,
        Some(wanted) => match find_region(&projection, wanted, lang) {
            Ok(index) => Some(index),
            Err(message) => {
                writeln!(err, "{}: {message}", file.display()).ok();
                return 2;
            }
        },
    };
    write_whole(
        png,
        draw_chart(&loaded.plan, &projection, only, how),
        lang,
        err,
    )
}

#[cfg(feature = "gui")]
fn draw_chart(
    plan: &Plan,
    projection: &Projection,
    only: Option<usize>,
    how: &ChartRequest<'_>,
) -> Result<Vec<u8>, String> {
    use crate::ui::chart_export::{ChartKind, chart_pngs};
    let kind = match how.kind {
        ChartArg::Coverage => ChartKind::Coverage,
        ChartArg::Budget => ChartKind::Budget,
        ChartArg::Protection => ChartKind::Protection,
    };
    chart_pngs(
        plan,
        projection,
        only,
        &[kind],
        how.size,
        how.scale,
        how.lang,
    )
    .map(|mut pngs| pngs.pop().unwrap_or_default())
    .map_err(|e| how.lang.tr_args("cli.chart_failed", &[("detail", e)]))
}

/// Charts are drawn by the app's chart code, which a build without the GUI lacks.
#[cfg(not(feature = "gui"))]
fn draw_chart(
    _: &Plan,
    _: &Projection,
    _: Option<usize>,
    how: &ChartRequest<'_>,
) -> Result<Vec<u8>, String> {
    Err(how.lang.tr("cli.chart_without_gui"))
}
