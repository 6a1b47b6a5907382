//! The command line: `lindung run`, `lindung check`, `lindung fmt`, `lindung diff`,
//! `lindung rules`, or a file
//! to open in the desktop app. The CSV contracts are in [`crate::report::csv`], the readable
//! tables in `text`, the rule list in `rules`.

mod diff;
mod export;
mod rules;
mod run;
mod text;

pub use crate::report::{csv_header, monthly_csv_header, write_csv, write_monthly_csv};
pub use rules::write_rules_csv;
pub use text::{TableColumn, migration_text, table_text};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;
use crate::model::Projection;
use crate::report::Dialect;

use crate::scenario::{self, Problem};
use export::{ChartArg, ChartRequest, parse_scale, parse_size};
use run::Report;

#[derive(Parser, Debug)]
#[command(
    name = "lindung",
    version = env!("LINDUNG_LONG_VERSION"),
    about = "Lindung: perencanaan APBD untuk iuran BPJS Ketenagakerjaan pekerja rentan\n\
             (regional budget planning for BPJS Ketenagakerjaan contributions of vulnerable workers)",
    args_conflicts_with_subcommands = true
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Plan files to open in the desktop app, each in a tab / berkas skenario yang dibuka di
    /// aplikasi, masing-masing di tab sendiri.
    files: Vec<PathBuf>,
    /// Start presenting (full screen; several files: their comparison) / langsung mulai
    /// presentasi (layar penuh; beberapa berkas: perbandingannya).
    #[arg(long)]
    present: bool,
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
    /// Open the desktop app, with these files (each in a tab), presenting them at once if asked.
    OpenApp(Vec<PathBuf>, bool),
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
        None => return Outcome::OpenApp(args.files, args.present),
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
            run::run(&files, &how, out, err)
        }
        Some(Command::Fmt {
            file,
            drop_comments,
        }) => fmt(&file, drop_comments, err),
        Some(Command::Export { file, xlsx, lang }) => {
            export::export(&file, &xlsx, lang.into(), err)
        }
        Some(Command::Report { files, pdf, lang }) => {
            export::pdf_report(&files, &pdf, lang.into(), err)
        }
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
            export::chart(&file, &png, &how, err)
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
