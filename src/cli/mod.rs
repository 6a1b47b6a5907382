//! The command line: `lindung run`, `lindung check`, `lindung fmt`, `lindung diff`,
//! `lindung rules`, or a file
//! to open in the desktop app. The CSV contracts are in [`crate::report::csv`], the readable
//! tables in `text`, the rule list in `rules`.

mod diff;
mod rules;
mod text;

pub use crate::report::{csv_header, monthly_csv_header, write_csv, write_monthly_csv};
pub use rules::write_rules_csv;
pub use text::{TableColumn, migration_text, table_text};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::model::plan::Plan;
use crate::model::{MonthResult, Projection};
use crate::report::{self, Dialect};
use crate::scenario::{self, CURRENT_VERSION, Problem};

#[derive(Parser, Debug)]
#[command(
    name = "lindung",
    version,
    about = "Lindung: perencanaan APBD untuk iuran BPJS Ketenagakerjaan pekerja rentan\n\
             (regional budget planning for BPJS Ketenagakerjaan contributions of vulnerable workers)",
    args_conflicts_with_subcommands = true
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Plan file to open in the desktop app / berkas skenario yang dibuka di aplikasi.
    file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Compute one or several scenarios and print the per-year tables, or write CSV.
    Run {
        /// Plan files (.ron); with several, the CSV starts with a `scenario` column (the
        /// file's name).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Write one CSV row per region and year (plus TOTAL rows) to this file; `-` for stdout.
        #[arg(long, value_name = "OUT.csv")]
        csv: Option<String>,
        /// The CSV's dialect: `standard` (`,` and `.`) or `id`, what Excel on an Indonesian
        /// PC opens directly (`;`, decimal comma, UTF-8 with BOM).
        #[arg(long, value_enum, default_value_t = DialectArg::Standard, requires = "csv")]
        csv_dialect: DialectArg,
        /// Language of the table.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
        /// Show only this region in the table: its area code (e.g. 72.10) or name.
        #[arg(long, value_name = "CODE|NAME", conflicts_with = "csv")]
        region: Option<String>,
        /// One row per region and month instead of per year (BPJS TK bills monthly).
        #[arg(long)]
        monthly: bool,
        /// The table's columns after the year, comma-separated (default: those that fit 100
        /// characters); `all` for every one, `payers` for the cost of each payer.
        #[arg(long, value_enum, value_delimiter = ',', value_name = "LIST")]
        columns: Vec<TableColumn>,
    },
    /// Check a scenario file: exit 0 when valid, 1 listing every problem.
    Check {
        /// Plan file (.ron).
        file: PathBuf,
        /// Language of the messages.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
    },
    /// Rewrite a valid scenario file in the standard layout (so files diff cleanly).
    Fmt {
        /// Plan file (.ron).
        file: PathBuf,
        /// Rewrite a file that has comments, which the rewritten file does not keep.
        #[arg(long)]
        drop_comments: bool,
    },
    /// Write a scenario as an Excel workbook: summary, year table of every region and the
    /// total, months, and every assumption with its source.
    Export {
        /// Plan file (.ron).
        file: PathBuf,
        /// The workbook to write.
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: PathBuf,
        /// Language of the sheets.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
    },
    /// Write the printed handout of one or several scenarios as a PDF (the first file is the
    /// baseline of the comparison).
    Report {
        /// Plan files (.ron).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The PDF to write.
        #[arg(long, value_name = "OUT.pdf")]
        pdf: PathBuf,
        /// Language of the report.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
    },
    /// Draw a chart of a scenario as a PNG image (the same chart as on screen).
    Chart {
        /// Plan file (.ron).
        file: PathBuf,
        /// Which chart.
        #[arg(long, value_enum)]
        kind: ChartArg,
        /// The image to write.
        #[arg(long, value_name = "OUT.png")]
        png: PathBuf,
        /// Width and height in pixels.
        #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = parse_size)]
        size: (u32, u32),
        /// Pixels per point: 1 for a slide, 2 for print (larger text and lines).
        #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
        scale: f32,
        /// Only this region: its area code (e.g. 72.10) or name.
        #[arg(long, value_name = "CODE|NAME")]
        region: Option<String>,
        /// Language of the chart.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
    },
    /// Which inputs differ between two scenarios (field, value A, value B, source A, source
    /// B): exit 0 when none, 1 when some do, 2 when a file cannot be read.
    Diff {
        /// The first scenario (A).
        a: PathBuf,
        /// The second scenario (B).
        b: PathBuf,
        /// Write CSV (one row per field that differs) to this file; `-` for stdout.
        #[arg(long, value_name = "OUT.csv")]
        csv: Option<String>,
        /// The CSV's dialect (see `run`).
        #[arg(long, value_enum, default_value_t = DialectArg::Standard, requires = "csv")]
        csv_dialect: DialectArg,
        /// Language of the table.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
    },
    /// List every built-in rule set and its dated periods (contributions, benefits, sources).
    Rules {
        /// Write CSV (one row per period) to this file; `-` for stdout.
        #[arg(long, value_name = "OUT.csv")]
        csv: Option<String>,
        /// Language of the table.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ChartArg {
    Coverage,
    Budget,
    Protection,
}

/// `--size 1920x1080`: two whole numbers of pixels, each from 16 to the largest side an
/// image can be rendered at.
fn parse_size(text: &str) -> Result<(u32, u32), String> {
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
fn parse_scale(text: &str) -> Result<f32, String> {
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

#[derive(Clone, Copy, Debug, ValueEnum)]
enum DialectArg {
    Standard,
    Id,
}

impl From<DialectArg> for Dialect {
    fn from(arg: DialectArg) -> Self {
        match arg {
            DialectArg::Standard => Dialect::Standard,
            DialectArg::Id => Dialect::Indonesia,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum LangArg {
    Id,
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Self {
        match arg {
            LangArg::Id => Lang::Id,
            LangArg::En => Lang::En,
        }
    }
}

/// What the binary should do after the arguments are read.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// Done; exit with this code.
    Exit(ExitCode),
    /// Open the desktop app, with this file if given.
    OpenApp(Option<PathBuf>),
}

/// Whether this is a Linux or BSD desktop session without a display to open a window on.
pub fn no_display() -> bool {
    cfg!(all(unix, not(target_os = "macos")))
        && ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
            .iter()
            .all(|name| std::env::var_os(name).is_none_or(|v| v.is_empty()))
}

/// What to tell a user whose window could not open, in Bahasa Indonesia then English: with no
/// display, how to work without one; otherwise the reason.
pub fn window_error_text(error: &str, no_display: bool) -> String {
    [Lang::Id, Lang::En]
        .iter()
        .map(|lang| {
            let line = if no_display {
                lang.tr("cli.no_display")
            } else {
                lang.tr_args("cli.window_failed", &[("error", error.to_owned())])
            };
            format!("Lindung: {line}\n")
        })
        .collect()
}

/// The commands, for suggestions.
const COMMANDS: [&str; 8] = [
    "run", "check", "fmt", "rules", "diff", "export", "chart", "report",
];

/// A first argument that is neither a command, an option nor an existing file, but reads like
/// a mistyped command (`lindung chek f.ron`): the word and the command line it probably meant.
fn unknown_command(args: &[std::ffi::OsString]) -> Option<(String, String)> {
    let first = args.get(1)?.to_str()?;
    let looks_like_a_command = !first.contains(['.', '/', '\\']) || args.len() > 2;
    if first.starts_with('-')
        || COMMANDS.contains(&first)
        || first == "help"
        || Path::new(first).exists()
        || !looks_like_a_command
    {
        return None;
    }
    let best = COMMANDS
        .iter()
        .min_by_key(|command| strsim::levenshtein(first, command))
        .copied()
        .unwrap_or("run");
    let rest: Vec<String> = args[2..]
        .iter()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    Some((
        first.to_owned(),
        [best.to_owned()]
            .into_iter()
            .chain(rest)
            .collect::<Vec<_>>()
            .join(" "),
    ))
}

/// Reads the arguments and runs a command, writing to `out` (and `err` for problems).
pub fn main_with(
    args: impl IntoIterator<Item = std::ffi::OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let args: Vec<std::ffi::OsString> = args.into_iter().collect();
    if let Some((command, suggestion)) = unknown_command(&args) {
        for lang in [Lang::Id, Lang::En] {
            let message = lang.tr_args(
                "cli.unknown_command",
                &[
                    ("command", command.clone()),
                    ("suggestion", suggestion.clone()),
                ],
            );
            writeln!(err, "lindung: {message}").ok();
        }
        return Outcome::Exit(ExitCode::from(2));
    }
    let args = match Args::try_parse_from(args) {
        Ok(args) => args,
        Err(e) => {
            let text = e.render().to_string();
            let target: &mut dyn Write = if e.use_stderr() { err } else { out };
            target.write_all(text.as_bytes()).ok();
            return Outcome::Exit(ExitCode::from(e.exit_code().clamp(0, 255) as u8));
        }
    };
    // What the command writes to standard output must arrive: a full disk or a closed pipe is
    // reported and fails the command, instead of exiting 0 with the output lost.
    let mut tracked = Tracked {
        inner: out,
        failed: None,
    };
    let out: &mut dyn Write = &mut tracked;
    let code = match args.command {
        None => return Outcome::OpenApp(args.file),
        Some(Command::Check { file, lang }) => check(&file, lang.into(), out, err),
        Some(Command::Run {
            files,
            csv,
            csv_dialect,
            lang,
            region,
            monthly,
            columns,
        }) => {
            let how = Report {
                csv: csv.as_deref(),
                dialect: csv_dialect.into(),
                region: region.as_deref(),
                lang: lang.into(),
                monthly,
                columns: &columns,
            };
            run(&files, &how, out, err)
        }
        Some(Command::Fmt {
            file,
            drop_comments,
        }) => fmt(&file, drop_comments, err),
        Some(Command::Export { file, xlsx, lang }) => export(&file, &xlsx, lang.into(), err),
        Some(Command::Report { files, pdf, lang }) => pdf_report(&files, &pdf, lang.into(), err),
        Some(Command::Chart {
            file,
            kind,
            png,
            size,
            scale,
            region,
            lang,
        }) => {
            let how = ChartRequest {
                kind,
                size,
                scale,
                region: region.as_deref(),
                lang: lang.into(),
            };
            chart(&file, &png, &how, err)
        }
        Some(Command::Diff {
            a,
            b,
            csv,
            csv_dialect,
            lang,
        }) => diff::diff(
            [&a, &b],
            csv.as_deref(),
            csv_dialect.into(),
            lang.into(),
            out,
            err,
        ),
        Some(Command::Rules { csv, lang }) => {
            let lang = lang.into();
            let rule_sets = crate::model::builtin::built_in();
            emit(
                csv.as_deref(),
                lang,
                out,
                err,
                || rules::rules_text(rule_sets, lang),
                |to| write_rules_csv(rule_sets, to),
            )
        }
    };
    let flushed = tracked.flush();
    let code = match tracked.failed.or(flushed.err().map(|e| e.to_string())) {
        Some(detail) => {
            let message = Lang::Id.tr_args("cli.output_failed", &[("detail", detail.clone())]);
            let english = Lang::En.tr_args("cli.output_failed", &[("detail", detail)]);
            writeln!(err, "lindung: {message}\nlindung: {english}").ok();
            code.max(1)
        }
        None => code,
    };
    Outcome::Exit(ExitCode::from(code))
}

/// Standard output, remembering the first write that failed.
struct Tracked<'a> {
    inner: &'a mut dyn Write,
    failed: Option<String>,
}

impl Write for Tracked<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).inspect_err(|e| {
            self.failed.get_or_insert_with(|| e.to_string());
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().inspect_err(|e| {
            self.failed.get_or_insert_with(|| e.to_string());
        })
    }
}

fn report(file: &Path, problems: &[Problem], lang: Lang, err: &mut dyn Write) {
    let name = file.display().to_string();
    for problem in problems {
        writeln!(err, "{}", problem.render(&name, lang)).ok();
    }
}

/// Reads a file and projects it; problems found in its values come with their lines.
fn load_and_evaluate(file: &Path) -> Result<(scenario::Loaded, Projection), Vec<Problem>> {
    let loaded = scenario::load(file)?;
    match scenario::evaluate(&loaded.plan) {
        Ok(projection) => Ok((loaded, projection)),
        Err(problems) => Err(loaded.located(problems)),
    }
}

fn check(file: &Path, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match load_and_evaluate(file) {
        Ok((loaded, projection)) => {
            let s = &loaded.plan;
            writeln!(
                out,
                "{}",
                lang.tr_args(
                    "cli.valid",
                    &[
                        ("file", file.display().to_string()),
                        ("regions", s.regions.len().to_string()),
                        ("years", s.horizon.years.to_string()),
                    ]
                )
            )
            .ok();
            write!(out, "{}", migration_text(file, &loaded, &projection, lang)).ok();
            warn(file, &loaded.located(scenario::suspicious(s)), lang, out);
            0
        }
        Err(problems) => {
            report(file, &problems, lang, err);
            1
        }
    }
}

/// Valid input that is probably not what was meant, one line each.
fn warn(file: &Path, warnings: &[Problem], lang: Lang, to: &mut dyn Write) {
    let name = file.display().to_string();
    for warning in warnings {
        writeln!(
            to,
            "{}: {}",
            lang.tr("cli.warning"),
            warning.render(&name, lang)
        )
        .ok();
    }
}

fn fmt(file: &Path, drop_comments: bool, err: &mut dyn Write) -> u8 {
    let result = scenario::load_checked(file).and_then(|loaded| {
        // Comments are not part of the plan: rewriting would lose them without a word.
        if loaded.comments > 0 && !drop_comments {
            return Err(vec![Problem::new(
                scenario::Location::File,
                "cli.fmt_comments",
                vec![("count", loaded.comments.to_string())],
            )]);
        }
        scenario::save(file, &loaded.plan).map_err(|p| vec![p])
    });
    let result = result.map(|_| ());
    match result {
        Ok(()) => 0,
        Err(problems) => {
            report(file, &problems, Lang::Id, err);
            1
        }
    }
}

/// What `lindung run` writes.
struct Report<'a> {
    csv: Option<&'a str>,
    dialect: Dialect,
    region: Option<&'a str>,
    lang: Lang,
    monthly: bool,
    columns: &'a [TableColumn],
}

/// `lindung export` and `lindung report` in a build without them.
#[cfg(not(feature = "export"))]
fn without_export(lang: Lang, err: &mut dyn Write) -> u8 {
    writeln!(err, "lindung: {}", lang.tr("cli.without_export")).ok();
    2
}

#[cfg(not(feature = "export"))]
fn export(_: &Path, _: &Path, lang: Lang, err: &mut dyn Write) -> u8 {
    without_export(lang, err)
}

#[cfg(not(feature = "export"))]
fn pdf_report(_: &[PathBuf], _: &Path, lang: Lang, err: &mut dyn Write) -> u8 {
    without_export(lang, err)
}

/// `lindung export`: the scenario as an Excel workbook, written whole or not at all.
#[cfg(feature = "export")]
fn export(file: &Path, xlsx: &Path, lang: Lang, err: &mut dyn Write) -> u8 {
    if scenario::file::same_file(file, xlsx) {
        let message = lang.tr_args(
            "cli.output_is_input",
            &[("file", xlsx.display().to_string())],
        );
        writeln!(err, "{}: {message}", file.display()).ok();
        return 2;
    }
    let computed = load_and_evaluate(file).and_then(|(loaded, projection)| {
        let months = scenario::evaluate_months(&loaded.plan)?;
        Ok((loaded.plan, projection, months))
    });
    let (plan, projection, months) = match computed {
        Ok(computed) => computed,
        Err(problems) => {
            report(file, &problems, lang, err);
            return 1;
        }
    };
    // The plan was evaluated, so its rule set is known.
    let Some(rules) = crate::model::builtin::resolve(&plan, &plan.meta.rule_set) else {
        return 1;
    };
    let written = report::xlsx::workbook(&plan, &projection, &months, rules, lang)
        .map_err(|e| lang.tr_args("problem.write", &[("detail", e.to_string())]))
        .and_then(|bytes| {
            scenario::file::write_atomically(xlsx, &bytes)
                .map(|_| ())
                .map_err(|p| p.message(lang))
        });
    match written {
        Ok(()) => 0,
        Err(message) => {
            writeln!(err, "{}: {message}", xlsx.display()).ok();
            1
        }
    }
}

/// `lindung report`: the handout of every file as one PDF, written whole or not at all.
#[cfg(feature = "export")]
fn pdf_report(files: &[PathBuf], pdf: &Path, lang: Lang, err: &mut dyn Write) -> u8 {
    if let Some(file) = files.iter().find(|f| scenario::file::same_file(f, pdf)) {
        let message = lang.tr_args(
            "cli.output_is_input",
            &[("file", pdf.display().to_string())],
        );
        writeln!(err, "{}: {message}", file.display()).ok();
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
    let mut scenarios = Vec::new();
    for (file, plan, projection) in &computed {
        let charts = match report_charts(plan, projection, lang) {
            Ok(charts) => charts,
            Err(message) => {
                writeln!(err, "{}: {message}", pdf.display()).ok();
                return 1;
            }
        };
        scenarios.push(report::pdf::Scenario {
            file: file.file_name().map_or_else(
                || file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            plan,
            projection,
            charts,
        });
    }
    let written = report::pdf::report(&scenarios, &today(lang), lang)
        .map_err(|e| lang.tr_args("problem.write", &[("detail", e)]))
        .and_then(|bytes| {
            scenario::file::write_atomically(pdf, &bytes)
                .map(|_| ())
                .map_err(|p| p.message(lang))
        });
    match written {
        Ok(()) => 0,
        Err(message) => {
            writeln!(err, "{}: {message}", pdf.display()).ok();
            1
        }
    }
}

/// Today's date as a report writes it: "27 November 2026".
#[cfg(feature = "export")]
fn today(lang: Lang) -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let names = match lang {
        Lang::Id => [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ],
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    };
    let name = names.get((month - 1) as usize).copied().unwrap_or_default();
    format!("{day} {name} {year}")
}

/// The three charts of a report, drawn by the app's chart code (none without the GUI).
#[cfg(all(feature = "export", feature = "gui"))]
fn report_charts(
    plan: &Plan,
    projection: &Projection,
    lang: Lang,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    use crate::ui::chart_export::{ChartKind, chart_pngs};
    let kinds = [
        ChartKind::Coverage,
        ChartKind::Budget,
        ChartKind::Protection,
    ];
    let titles = ["ui.tab.coverage", "ui.tab.budget", "ui.tab.protection"];
    let pngs = chart_pngs(plan, projection, None, &kinds, (1600, 900), 2.0, lang)
        .map_err(|e| lang.tr_args("cli.chart_failed", &[("detail", e)]))?;
    Ok(titles.iter().map(|t| lang.tr(t)).zip(pngs).collect())
}

#[cfg(all(feature = "export", not(feature = "gui")))]
fn report_charts(_: &Plan, _: &Projection, _: Lang) -> Result<Vec<(String, Vec<u8>)>, String> {
    Ok(Vec::new())
}

/// What `lindung chart` draws.
#[cfg_attr(
    not(feature = "gui"),
    expect(dead_code, reason = "without the GUI no chart is drawn, only refused")
)]
struct ChartRequest<'a> {
    kind: ChartArg,
    size: (u32, u32),
    scale: f32,
    region: Option<&'a str>,
    lang: Lang,
}

/// `lindung chart`: a chart as a PNG image, written whole or not at all.
fn chart(file: &Path, png: &Path, how: &ChartRequest<'_>, err: &mut dyn Write) -> u8 {
    let lang = how.lang;
    if scenario::file::same_file(file, png) {
        let message = lang.tr_args(
            "cli.output_is_input",
            &[("file", png.display().to_string())],
        );
        writeln!(err, "{}: {message}", file.display()).ok();
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
    match draw_chart(&loaded.plan, &projection, only, how) {
        Ok(bytes) => match scenario::file::write_atomically(png, &bytes) {
            Ok(_) => 0,
            Err(problem) => {
                writeln!(err, "{}: {}", png.display(), problem.message(lang)).ok();
                1
            }
        },
        Err(message) => {
            writeln!(err, "{}: {message}", png.display()).ok();
            1
        }
    }
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

/// A scenario `lindung run` computed.
struct Ran {
    /// The file's name, for the CSV's `scenario` column.
    name: String,
    plan: Plan,
    projection: Projection,
    /// The one region asked for.
    only: Option<usize>,
    /// The months, when asked for.
    months: Vec<Vec<MonthResult>>,
}

fn run(files: &[PathBuf], how: &Report<'_>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let lang = how.lang;
    if let Some(csv) = how.csv.filter(|csv| *csv != "-")
        && let Some(file) = files
            .iter()
            .find(|file| scenario::file::same_file(file, Path::new(csv)))
    {
        let message = lang.tr_args("cli.output_is_input", &[("file", csv.to_owned())]);
        writeln!(err, "{}: {message}", file.display()).ok();
        return 2;
    }
    // Every file is read before anything is written, so that all their problems are told
    // at once and a CSV is never left with only some of the scenarios.
    let mut ran = Vec::new();
    let mut code = 0;
    for file in files {
        match run_one(file, how, err) {
            Ok(one) => ran.push(one),
            Err(failed) => code = code.max(failed),
        }
    }
    if code != 0 {
        return code;
    }
    // One file keeps the CSV as it always was; several get a `scenario` column first.
    let named = ran.len() > 1;
    fn name(r: &Ran, named: bool) -> Option<&str> {
        named.then_some(r.name.as_str())
    }
    let texts = || {
        ran.iter()
            .map(|r| {
                let title = if named {
                    format!("== {} ==\n", r.name)
                } else {
                    String::new()
                };
                let body = if how.monthly {
                    text::monthly_text(&r.plan, &r.projection, &r.months, r.only, lang)
                } else {
                    table_text(&r.plan, &r.projection, r.only, how.columns, lang)
                };
                title + &body
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    emit(how.csv, lang, out, err, texts, |to| {
        if how.monthly {
            let scenarios: Vec<_> = ran
                .iter()
                .map(|r| (name(r, named), &r.projection, r.months.as_slice()))
                .collect();
            report::write_monthly_csv_of(&scenarios, how.dialect, to)
        } else {
            let projections: Vec<_> = ran
                .iter()
                .map(|r| (name(r, named), &r.projection))
                .collect();
            report::write_csv_of(&projections, how.dialect, to)
        }
    })
}

/// Reads, checks and computes one file of `lindung run`; on a problem, tells it on `err` and
/// returns the exit code.
fn run_one(file: &Path, how: &Report<'_>, err: &mut dyn Write) -> Result<Ran, u8> {
    let lang = how.lang;
    let (plan, projection) = match load_and_evaluate(file) {
        Ok((loaded, projection)) => {
            if loaded.migration.is_some() {
                let note = lang.tr_args(
                    "cli.migrated_note",
                    &[
                        ("from", loaded.from_version.to_string()),
                        ("to", CURRENT_VERSION.to_string()),
                        ("file", file.display().to_string()),
                    ],
                );
                writeln!(err, "{}: {note}", file.display()).ok();
            }
            (loaded.plan, projection)
        }
        Err(problems) => {
            report(file, &problems, lang, err);
            return Err(1);
        }
    };
    let only = match how.region {
        None => None,
        Some(wanted) => match find_region(&projection, wanted, lang) {
            Ok(index) => Some(index),
            Err(message) => {
                writeln!(err, "{}: {message}", file.display()).ok();
                return Err(2);
            }
        },
    };
    let months = if how.monthly {
        scenario::evaluate_months(&plan).map_err(|problems| {
            report(file, &problems, lang, err);
            1
        })?
    } else {
        Vec::new()
    };
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(Ran {
        name,
        plan,
        projection,
        only,
        months,
    })
}

/// The region `--region` asks for: an exact code or name first; otherwise the one region the
/// text finds, as the app's search finds it ("Palu" is Kota Palu). Else what to tell.
fn find_region(projection: &Projection, wanted: &str, lang: Lang) -> Result<usize, String> {
    let wanted_lower = wanted.trim().to_lowercase();
    let exact = projection.regions.iter().position(|r| {
        let name = r.name.to_lowercase();
        let bare = name
            .trim_start_matches("kabupaten ")
            .trim_start_matches("kota ")
            .trim_start_matches("provinsi ");
        r.code == wanted.trim() || name == wanted_lower || bare == wanted_lower
    });
    let found: Vec<usize> = (0..projection.regions.len())
        .filter(|&i| {
            let r = &projection.regions[i];
            crate::format::region_matches(&r.code, &r.name, wanted)
        })
        .collect();
    let listed = |indices: &mut dyn Iterator<Item = usize>| {
        indices
            .map(|i| {
                let r = &projection.regions[i];
                format!("{} ({})", r.code, r.name)
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (exact, found.as_slice()) {
        (Some(index), _) | (None, &[index]) => Ok(index),
        (None, [_, _, ..]) => Err(lang.tr_args(
            "cli.many_regions",
            &[
                ("region", wanted.to_owned()),
                ("found", listed(&mut found.iter().copied())),
            ],
        )),
        (None, []) => Err(lang.tr_args(
            "cli.no_region",
            &[
                ("region", wanted.to_owned()),
                ("known", listed(&mut (0..projection.regions.len()))),
            ],
        )),
    }
}

/// Writes a report: the readable `text` to `out`, or the CSV to `out` (`-`) or to a file.
/// Returns the exit code; a write error is reported on `err` with where it went.
fn emit(
    csv: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
    text: impl FnOnce() -> String,
    write_csv: impl FnOnce(&mut dyn Write) -> Result<(), ::csv::Error>,
) -> u8 {
    let csv_problem = |e: ::csv::Error| lang.tr_args("problem.write", &[("detail", e.to_string())]);
    let result = match csv {
        None => out
            .write_all(text().as_bytes())
            .map_err(|e| lang.tr_args("problem.write", &[("detail", e.to_string())])),
        Some("-") => write_csv(out).map_err(csv_problem),
        // Written whole to memory first, then atomically: an old file is replaced only by a
        // complete new one (never cut off by a full disk).
        Some(path) => {
            let mut bytes = Vec::new();
            write_csv(&mut bytes).map_err(csv_problem).and_then(|()| {
                scenario::file::write_atomically(Path::new(path), &bytes)
                    .map(|_| ())
                    .map_err(|p| p.message(lang))
            })
        }
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            writeln!(err, "{}: {message}", csv.unwrap_or("-")).ok();
            1
        }
    }
}
