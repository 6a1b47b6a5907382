//! The command line: `lindung run`, `lindung check`, `lindung fmt`, or a file to open in the
//! desktop app.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use comfy_table::{CellAlignment, Table, presets};

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::{Direction, PayerKind, Plan, RulePeriod, RuleSet};
use crate::model::{ApbdBasis, MonthResult, Projection, RegionProjection, YearResult};
use crate::scenario::{self, CURRENT_VERSION, Loaded, Problem};

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
    /// Compute a scenario and print the per-year table, or write CSV.
    Run {
        /// Plan file (.ron).
        file: PathBuf,
        /// Write one CSV row per region and year (plus TOTAL rows) to this file; `-` for stdout.
        #[arg(long, value_name = "OUT.csv")]
        csv: Option<String>,
        /// Language of the table.
        #[arg(long, value_enum, default_value_t = LangArg::Id)]
        lang: LangArg,
        /// Show only this region in the table: its area code (e.g. 72.10) or name.
        #[arg(long, value_name = "CODE|NAME", conflicts_with = "csv")]
        region: Option<String>,
        /// One row per region and month instead of per year (BPJS TK bills monthly).
        #[arg(long)]
        monthly: bool,
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

/// Reads the arguments and runs a command, writing to `out` (and `err` for problems).
pub fn main_with(
    args: impl IntoIterator<Item = std::ffi::OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Outcome {
    let args = match Args::try_parse_from(args) {
        Ok(args) => args,
        Err(e) => {
            let text = e.render().to_string();
            let target: &mut dyn Write = if e.use_stderr() { err } else { out };
            target.write_all(text.as_bytes()).ok();
            return Outcome::Exit(ExitCode::from(e.exit_code().clamp(0, 255) as u8));
        }
    };
    let code = match args.command {
        None => return Outcome::OpenApp(args.file),
        Some(Command::Check { file, lang }) => check(&file, lang.into(), out, err),
        Some(Command::Run {
            file,
            csv,
            lang,
            region,
            monthly,
        }) => {
            let how = Report {
                csv: csv.as_deref(),
                region: region.as_deref(),
                lang: lang.into(),
                monthly,
            };
            run(&file, &how, out, err)
        }
        Some(Command::Fmt { file }) => fmt(&file, err),
        Some(Command::Rules { csv, lang }) => rules(csv.as_deref(), lang.into(), out, err),
    };
    Outcome::Exit(ExitCode::from(code))
}

fn report(file: &Path, problems: &[Problem], lang: Lang, err: &mut dyn Write) {
    let name = file.display().to_string();
    for problem in problems {
        writeln!(err, "{}", problem.render(&name, lang)).ok();
    }
}

fn check(file: &Path, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    match scenario::load(file).and_then(|l| scenario::evaluate(&l.plan).map(|p| (l, p))) {
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
            0
        }
        Err(problems) => {
            report(file, &problems, lang, err);
            1
        }
    }
}

fn fmt(file: &Path, err: &mut dyn Write) -> u8 {
    let result = scenario::load_checked(file)
        .and_then(|loaded| scenario::save(file, &loaded.plan).map_err(|p| vec![p]));
    match result {
        Ok(()) => 0,
        Err(problems) => {
            report(file, &problems, Lang::Id, err);
            1
        }
    }
}

/// `lindung rules`: the built-in rule sets, as a table or CSV.
fn rules(csv: Option<&str>, lang: Lang, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let rule_sets = crate::model::builtin::built_in();
    let result = match csv {
        None => {
            write!(out, "{}", rules_text(rule_sets, lang)).ok();
            Ok(())
        }
        Some("-") => write_rules_csv(rule_sets, &mut *out),
        Some(path) => std::fs::File::create(path)
            .map_err(csv::Error::from)
            .and_then(|f| write_rules_csv(rule_sets, f)),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            let message = lang.tr_args("problem.write", &[("detail", e.to_string())]);
            writeln!(err, "{}: {message}", csv.unwrap_or("-")).ok();
            1
        }
    }
}

/// Each period with the month its successor starts, as `YYYY-MM`, and its last month
/// (empty while it is still in force).
fn periods_with_end(rules: &RuleSet) -> Vec<(&RulePeriod, String, String)> {
    let mut periods: Vec<&RulePeriod> = rules.periods.iter().collect();
    periods.sort_by_key(|p| p.from);
    let month = |year: i32, month: u32| format!("{year}-{month:02}");
    (0..periods.len())
        .map(|i| {
            let from = periods[i].from;
            let to = periods.get(i + 1).map_or(String::new(), |next| {
                let (y, m) = if next.from.month == 1 {
                    (next.from.year - 1, 12)
                } else {
                    (next.from.year, next.from.month - 1)
                };
                month(y, m)
            });
            (periods[i], month(from.year, from.month), to)
        })
        .collect()
}

/// The CSV of `lindung rules`: one row per rule period. Columns are a contract: never
/// renamed, only appended.
pub fn write_rules_csv(rule_sets: &[RuleSet], to: impl Write) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(to);
    writer.write_record([
        "id",
        "from",
        "to",
        "jkk_pct",
        "jkm_rp",
        "jkm_death_benefit",
        "source",
        "title",
        "note",
        "jht_pct",
        "funeral_benefit",
        "jkm_waiting_months",
        "jkk_death_income_multiple",
        "jkk_death_extra",
        "scholarship_max_children",
        "scholarship_jkm_min_months",
        "scholarship_lump_sum",
    ])?;
    for rules in rule_sets {
        for (p, from, to) in periods_with_end(rules) {
            writer.write_record([
                rules.id.clone(),
                from,
                to,
                plain(p.jkk_pct, 4),
                p.jkm_per_month.to_string(),
                p.jkm_death_benefit.to_string(),
                rules.source.clone(),
                rules.title.clone(),
                p.note.clone(),
                plain(p.jht_pct, 4),
                p.funeral_benefit.to_string(),
                p.jkm_waiting_months.to_string(),
                p.jkk_death_income_multiple.to_string(),
                p.jkk_death_extra.to_string(),
                p.scholarship.max_children.to_string(),
                p.scholarship.jkm_min_membership_months.to_string(),
                p.scholarship.lump_sum.to_string(),
            ])?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// The readable list of rule sets: a table of periods for each, then its source.
fn rules_text(rule_sets: &[RuleSet], lang: Lang) -> String {
    let mut text = String::new();
    for rules in rule_sets {
        text.push_str(&format!("{} — {}\n", rules.id, rules.title));
        let mut table = Table::new();
        table.load_preset(presets::ASCII_MARKDOWN);
        table.set_header(
            [
                "cli.rules.from",
                "cli.rules.to",
                "cli.rules.jkk",
                "cli.rules.jkm",
                "cli.rules.jkm_benefit",
                "cli.rules.jkk_death",
                "cli.rules.scholarship",
            ]
            .map(|k| lang.tr(k)),
        );
        for (p, from, to) in periods_with_end(rules) {
            let s = &p.scholarship;
            let scholarship = if s.lump_sum > 0 {
                lang.tr_args(
                    "cli.rules.lump_sum",
                    &[
                        ("amount", format::rupiah_short(s.lump_sum as f64, lang)),
                        ("children", s.max_children.to_string()),
                        ("months", s.jkm_min_membership_months.to_string()),
                    ],
                )
            } else {
                lang.tr_args(
                    "cli.rules.stages",
                    &[
                        ("children", s.max_children.to_string()),
                        ("months", s.jkm_min_membership_months.to_string()),
                    ],
                )
            };
            table.add_row([
                from,
                if to.is_empty() {
                    lang.tr("cli.rules.now")
                } else {
                    to
                },
                format!("{}%", format::decimal(p.jkk_pct, 2, lang)),
                format::rupiah(p.jkm_per_month as f64, lang),
                format::rupiah_short(p.jkm_death_benefit as f64, lang),
                lang.tr_args(
                    "cli.rules.jkk_death_value",
                    &[
                        ("multiple", p.jkk_death_income_multiple.to_string()),
                        (
                            "extra",
                            format::rupiah_short(p.jkk_death_extra as f64, lang),
                        ),
                    ],
                ),
                scholarship,
            ]);
        }
        text.push_str(&table.to_string());
        text.push('\n');
        for (p, from, _) in periods_with_end(rules) {
            text.push_str(&format!("  {from}: {}\n", p.note));
        }
        text.push_str(&format!("  {}: {}\n\n", lang.tr("ui.source"), rules.source));
    }
    text
}

/// What `lindung run` writes.
struct Report<'a> {
    csv: Option<&'a str>,
    region: Option<&'a str>,
    lang: Lang,
    monthly: bool,
}

fn run(file: &Path, how: &Report<'_>, out: &mut dyn Write, err: &mut dyn Write) -> u8 {
    let lang = how.lang;
    let loaded = scenario::load(file).and_then(|l| scenario::evaluate(&l.plan).map(|p| (l, p)));
    let (scenario, projection) = match loaded {
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
            return 1;
        }
    };
    let only = match how.region {
        None => None,
        Some(wanted) => {
            let found = projection.regions.iter().position(|r| {
                r.code == wanted || r.name.to_lowercase() == wanted.trim().to_lowercase()
            });
            match found {
                Some(index) => Some(index),
                None => {
                    let known: Vec<String> = projection
                        .regions
                        .iter()
                        .map(|r| format!("{} ({})", r.code, r.name))
                        .collect();
                    let message = lang.tr_args(
                        "cli.no_region",
                        &[("region", wanted.to_owned()), ("known", known.join(", "))],
                    );
                    writeln!(err, "{}: {message}", file.display()).ok();
                    return 2;
                }
            }
        }
    };
    if how.monthly {
        return match scenario::evaluate_months(&scenario) {
            Ok(months) => monthly(&scenario, &projection, &months, only, how, out, err),
            Err(problems) => {
                report(file, &problems, lang, err);
                1
            }
        };
    }
    match how.csv {
        None => {
            write!(out, "{}", table_text(&scenario, &projection, only, lang)).ok();
            0
        }
        Some("-") => match write_csv(&projection, &mut *out) {
            Ok(()) => 0,
            Err(e) => {
                writeln!(err, "{}: {e}", file.display()).ok();
                1
            }
        },
        Some(path) => {
            let result = std::fs::File::create(path)
                .map_err(csv::Error::from)
                .and_then(|f| write_csv(&projection, f));
            match result {
                Ok(()) => 0,
                Err(e) => {
                    let message = lang.tr_args("problem.write", &[("detail", e.to_string())]);
                    writeln!(err, "{path}: {message}").ok();
                    1
                }
            }
        }
    }
}

/// `lindung run --monthly`: the months as CSV (every region, then TOTAL) or as tables.
fn monthly(
    plan: &Plan,
    projection: &Projection,
    months: &[Vec<MonthResult>],
    only: Option<usize>,
    how: &Report<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let lang = how.lang;
    let result = match how.csv {
        None => {
            write!(
                out,
                "{}",
                monthly_text(plan, projection, months, only, lang)
            )
            .ok();
            Ok(())
        }
        Some("-") => write_monthly_csv(projection, months, &mut *out),
        Some(path) => std::fs::File::create(path)
            .map_err(csv::Error::from)
            .and_then(|f| write_monthly_csv(projection, months, f)),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            let message = lang.tr_args("problem.write", &[("detail", e.to_string())]);
            writeln!(err, "{}: {message}", how.csv.unwrap_or("-")).ok();
            1
        }
    }
}

/// Monthly CSV columns: a contract like the yearly one (never renamed, only appended).
pub fn monthly_csv_header() -> Vec<String> {
    let mut header: Vec<String> = [
        "region",
        "year",
        "month",
        "members",
        "new",
        "cut",
        "cost_total",
    ]
    .map(String::from)
    .to_vec();
    header.extend(PayerKind::ALL.iter().map(|p| format!("cost_{}", p.id())));
    header.extend(
        [
            "cost_jkk",
            "cost_jkm",
            "cost_jht",
            "deaths_expected",
            "jkm_deaths",
            "jkk_deaths",
            "code",
        ]
        .map(String::from),
    );
    header
}

/// One row per region and month, then the TOTAL rows.
pub fn write_monthly_csv(
    projection: &Projection,
    months: &[Vec<MonthResult>],
    to: impl Write,
) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(to);
    writer.write_record(monthly_csv_header())?;
    let names = projection
        .regions
        .iter()
        .map(|r| (r.name.as_str(), r.code.as_str()))
        .chain(std::iter::once(("TOTAL", "")));
    for ((name, code), rows) in names.zip(months) {
        for m in rows {
            let mut row = vec![
                name.to_owned(),
                m.year.to_string(),
                m.month.to_string(),
                m.members.to_string(),
                m.new.to_string(),
                m.cut.to_string(),
                m.cost_total.to_string(),
            ];
            row.extend(PayerKind::ALL.iter().map(|p| m.cost_of(*p).to_string()));
            row.extend([
                m.cost_jkk.to_string(),
                m.cost_jkm.to_string(),
                m.cost_jht.to_string(),
                plain(m.deaths_expected, 4),
                plain(m.jkm_deaths, 4),
                plain(m.jkk_deaths, 4),
                code.to_owned(),
            ]);
            writer.write_record(row)?;
        }
    }
    writer.flush()?;
    Ok(())
}

/// The months as readable tables: the total (for several regions) and each region, or only
/// region `only`.
fn monthly_text(
    plan: &Plan,
    projection: &Projection,
    months: &[Vec<MonthResult>],
    only: Option<usize>,
    lang: Lang,
) -> String {
    let total = months.len().saturating_sub(1);
    let blocks: Vec<(String, usize)> = match only {
        Some(i) => vec![(region_title(&projection.regions[i]), i)],
        None if projection.regions.len() > 1 => std::iter::once((lang.tr("cli.total"), total))
            .chain(
                projection
                    .regions
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (region_title(r), i)),
            )
            .collect(),
        None => vec![(lang.tr("cli.total"), total)],
    };
    let mut text = format!(
        "{} — {} ({})\n",
        plan.meta.title, plan.meta.region_name, plan.meta.code
    );
    for (title, index) in blocks {
        let mut table = Table::new();
        table.load_preset(presets::ASCII_MARKDOWN);
        table.set_header(
            [
                "cli.col.month",
                "cli.col.members",
                "cli.col.new",
                "cli.col.cut",
                "cli.col.cost",
                "cli.col.cost_jkk",
                "cli.col.cost_jkm",
                "cli.col.cost_jht",
                "cli.col.deaths_mean",
            ]
            .map(|k| lang.tr(k)),
        );
        for m in &months[index] {
            table.add_row([
                format!("{}-{:02}", m.year, m.month),
                format::count(m.members, lang),
                format::count(m.new, lang),
                format::count(m.cut, lang),
                format::rupiah(m.cost_total as f64, lang),
                format::rupiah(m.cost_jkk as f64, lang),
                format::rupiah(m.cost_jkm as f64, lang),
                format::rupiah(m.cost_jht as f64, lang),
                format::decimal(m.deaths_expected, 2, lang),
            ]);
        }
        for column in table.column_iter_mut().skip(1) {
            column.set_cell_alignment(CellAlignment::Right);
        }
        text.push_str(&format!("\n{title}\n{table}\n"));
    }
    text
}

fn region_title(region: &RegionProjection) -> String {
    format!("{} ({})", region.name, region.code)
}

/// CSV column names: a stable contract for other tools. Never rename; only append.
pub fn csv_header() -> Vec<String> {
    let mut header: Vec<String> = [
        "region",
        "year",
        "pool",
        "enrolled_avg",
        "enrolled_end",
        "coverage_pct",
        "ucj_pct",
        "cost_total",
    ]
    .map(String::from)
    .to_vec();
    header.extend(PayerKind::ALL.iter().map(|p| format!("cost_{}", p.id())));
    header.extend(
        [
            "apbd_share_pct",
            "deaths_expected",
            "benefits_paid",
            "scholarships_paid",
            "code",
            "enrolled_new",
            "employed",
            "covered_other",
            "budget",
            "unspent",
            "apbd_total",
            "cost_per_worker",
            "member_years",
            "deaths_p05",
            "deaths_p95",
            "jkm_deaths",
            "jkk_deaths",
            "death_benefits",
            "accident_claims",
            "accident_benefits",
            "benefits_per_rupiah",
            "enrolled_cut",
            "cost_jkk",
            "cost_jkm",
            "cost_jht",
            "declared_income",
            "benefits_per_apbd_rupiah",
            "unpaid_by_payers",
        ]
        .map(String::from),
    );
    header
}

/// A plain number for CSV: `.` as decimal point, no separators, rounded to `decimals`.
fn plain(value: f64, decimals: i32) -> String {
    let factor = 10_f64.powi(decimals);
    let rounded = (value * factor).round() / factor;
    if rounded == 0.0 {
        "0".to_owned()
    } else {
        format!("{rounded}")
    }
}

fn csv_row(region: &str, code: &str, r: &YearResult, income: Option<i64>) -> Vec<String> {
    let optional = |v: Option<f64>, decimals| v.map_or(String::new(), |v| plain(v, decimals));
    let mut row = vec![
        region.to_owned(),
        r.year.to_string(),
        r.pool.to_string(),
        plain(r.enrolled_avg, 4),
        r.enrolled_end.to_string(),
        plain(r.coverage_pct(), 4),
        plain(r.ucj_pct(), 4),
        r.cost_total.to_string(),
    ];
    row.extend(PayerKind::ALL.iter().map(|p| r.cost_of(*p).to_string()));
    row.extend([
        optional(r.apbd_share_pct(), 6),
        plain(r.deaths_expected, 4),
        plain(r.benefits_paid(), 0),
        plain(r.scholarships_paid, 0),
        code.to_owned(),
        r.enrolled_new.to_string(),
        plain(r.employed, 0),
        plain(r.covered_other, 0),
        r.budget.map_or(String::new(), |b| b.to_string()),
        r.unspent().map_or(String::new(), |u| u.to_string()),
        optional(r.apbd_total, 0),
        plain(r.cost_per_worker(), 0),
        plain(r.member_years, 4),
        plain(r.deaths_p05, 0),
        plain(r.deaths_p95, 0),
        plain(r.jkm_deaths, 4),
        plain(r.jkk_deaths, 4),
        plain(r.death_benefits, 0),
        plain(r.accident_claims, 4),
        plain(r.accident_benefits, 0),
        plain(r.benefits_per_rupiah(), 6),
        r.enrolled_cut.to_string(),
        r.cost_jkk.to_string(),
        r.cost_jkm.to_string(),
        r.cost_jht.to_string(),
        income.map_or(String::new(), |i| i.to_string()),
        optional(r.benefits_per_apbd_rupiah(), 6),
        r.unpaid_by_payer
            .iter()
            .fold(0_i64, |sum, v| sum.saturating_add(*v))
            .to_string(),
    ]);
    row
}

/// One row per region and year, then the TOTAL rows.
pub fn write_csv(projection: &Projection, to: impl Write) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(to);
    writer.write_record(csv_header())?;
    let income = |y: usize| projection.income_by_year.get(y).copied();
    for region in &projection.regions {
        for (y, row) in region.years.iter().enumerate() {
            writer.write_record(csv_row(&region.name, &region.code, row, income(y)))?;
        }
    }
    for (y, row) in projection.total.iter().enumerate() {
        writer.write_record(csv_row("TOTAL", "", row, income(y)))?;
    }
    writer.flush()?;
    Ok(())
}

/// The readable report: scenario header, a per-year table for the total and for each region
/// (or only for region `only`), each with a horizon row, and what a benefit means to a poor
/// family.
pub fn table_text(
    scenario: &Plan,
    projection: &Projection,
    only: Option<usize>,
    lang: Lang,
) -> String {
    let mut text = String::new();
    let meta = &scenario.meta;
    text.push_str(&format!(
        "{} — {} ({})\n",
        meta.title, meta.region_name, meta.code
    ));
    let direction = match scenario.direction {
        Direction::CoverageTarget => lang.tr("cli.direction_coverage"),
        Direction::BudgetCap => lang.tr("cli.direction_budget"),
    };
    text.push_str(&lang.tr_args(
        "cli.subtitle",
        &[
            ("rule_set", meta.rule_set.clone()),
            ("direction", direction),
            ("first", scenario.horizon.first_year.to_string()),
            (
                "last",
                (scenario.horizon.first_year + scenario.horizon.years as i32 - 1).to_string(),
            ),
        ],
    ));
    text.push('\n');

    let budget_mode = scenario.direction == Direction::BudgetCap;
    let shown_regions: Vec<&RegionProjection> = match only {
        Some(index) => projection.regions.get(index).into_iter().collect(),
        None => projection.regions.iter().collect(),
    };
    let blocks: Vec<(String, &[YearResult])> = match only {
        Some(_) => shown_regions.iter().map(|r| region_block(r)).collect(),
        None if projection.regions.len() > 1 => {
            std::iter::once((lang.tr("cli.total"), projection.total.as_slice()))
                .chain(shown_regions.iter().map(|r| region_block(r)))
                .collect()
        }
        None => vec![(lang.tr("cli.total"), projection.total.as_slice())],
    };
    // The rows the closing sentences speak of: the region shown, or the total.
    let (summary_rows, owed_later) = match shown_regions.first() {
        Some(r) if only.is_some() => (&r.years[..], r.scholarships_after_horizon),
        _ => (
            projection.total.as_slice(),
            projection.scholarships_after_horizon,
        ),
    };
    for (title, rows) in blocks {
        text.push_str(&format!("\n{title}\n"));
        text.push_str(&year_table(rows, budget_mode, lang).to_string());
        text.push('\n');
    }

    let cut_key = match scenario.direction {
        Direction::CoverageTarget => "cut.target",
        Direction::BudgetCap => "cut.budget",
    };
    for region in &shown_regions {
        for row in region.years.iter().filter(|r| r.enrolled_cut > 0) {
            text.push_str(&lang.tr_args(
                cut_key,
                &[
                    ("region", region.name.clone()),
                    ("year", row.year.to_string()),
                    ("count", format::count(row.enrolled_cut, lang)),
                ],
            ));
            text.push('\n');
        }
    }

    if scenario.direction == Direction::BudgetCap {
        for line in format::pool_months_lines(projection, lang) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    for line in format::unpaid_lines(projection, lang) {
        text.push_str(&line);
        text.push('\n');
    }
    if only.is_none()
        && let ApbdBasis::Regions { with_apbd, of } = projection.apbd_basis
        && with_apbd < of
    {
        text.push_str(&lang.tr_args(
            "apbd_basis.regions",
            &[("with", with_apbd.to_string()), ("of", of.to_string())],
        ));
        text.push('\n');
    }

    if let Some(target) = &meta.ucj_target {
        let reached = summary_rows
            .iter()
            .find(|row| row.ucj_pct() >= target.value);
        let last = summary_rows.last();
        let line = match (reached, last) {
            (Some(row), _) => lang.tr_args(
                "cli.ucj_reached",
                &[
                    ("target", format::percent(target.value, lang)),
                    ("year", row.year.to_string()),
                ],
            ),
            (None, Some(row)) => lang.tr_args(
                "cli.ucj_not_reached",
                &[
                    ("target", format::percent(target.value, lang)),
                    ("year", row.year.to_string()),
                    ("ucj", format::percent(row.ucj_pct(), lang)),
                ],
            ),
            (None, None) => String::new(),
        };
        text.push_str(&line);
        text.push('\n');
    }

    text.push('\n');
    if owed_later > 0.0 {
        text.push_str(&lang.tr_args(
            "scholarships_after",
            &[
                ("amount", format::rupiah_short(owed_later, lang)),
                (
                    "year",
                    (scenario.horizon.first_year + scenario.horizon.years as i32 - 1).to_string(),
                ),
            ],
        ));
        text.push('\n');
    }
    if let Some(c) = &projection.calibration {
        text.push_str(&format::calibration_text(c, lang));
        text.push('\n');
    }
    let mut months = format::poverty_month_args(projection, lang);
    months.push((
        "line",
        format::rupiah(
            scenario.assumptions.household_poverty_line.value as f64,
            lang,
        ),
    ));
    text.push_str(&lang.tr_args("cli.poverty_months", &months));
    text.push('\n');
    let sum = Projection::horizon_sum(summary_rows);
    text.push_str(&lang.tr_args(
        "cli.leverage",
        &[
            ("benefits", format::rupiah_short(sum.benefits_paid(), lang)),
            ("cost", format::rupiah_short(sum.cost_total as f64, lang)),
            ("ratio", format::decimal(sum.benefits_per_rupiah(), 2, lang)),
        ],
    ));
    if let Some(ratio) = sum.benefits_per_apbd_rupiah() {
        text.push(' ');
        text.push_str(&lang.tr_args(
            "cli.leverage_apbd",
            &[
                ("apbd", format::rupiah_short(sum.apbd_cost as f64, lang)),
                ("ratio", format::decimal(ratio, 2, lang)),
            ],
        ));
    }
    text.push('\n');
    text
}

/// For a file in an older format version: what migrating it changed, and how that moves
/// the total over the horizon (comparing with the old behaviour where the current format can
/// express it). Empty for a current file.
pub fn migration_text(file: &Path, loaded: &Loaded, projection: &Projection, lang: Lang) -> String {
    let Some(migration) = &loaded.migration else {
        return String::new();
    };
    let name = file.display().to_string();
    let mut text = lang.tr_args(
        "migrate.header",
        &[
            ("from", loaded.from_version.to_string()),
            ("to", CURRENT_VERSION.to_string()),
        ],
    );
    text.push('\n');
    for note in &migration.notes {
        text.push_str(&format!("  {}\n", note.render(&name, lang)));
    }
    if let Ok(before) = scenario::evaluate(&migration.as_before) {
        let (old, new) = (
            Projection::horizon_sum(&before.total),
            Projection::horizon_sum(&projection.total),
        );
        let money = |v: f64| format::rupiah_short(v, lang);
        let plan = &loaded.plan;
        let last_year = plan.horizon.first_year + plan.horizon.years as i32 - 1;
        text.push_str(&lang.tr_args(
            "migrate.effect",
            &[
                ("years", format!("{}–{last_year}", plan.horizon.first_year)),
                ("last_year", last_year.to_string()),
                ("cost_before", money(old.cost_total as f64)),
                ("cost_after", money(new.cost_total as f64)),
                ("ucj_before", format::percent(old.ucj_pct(), lang)),
                ("ucj_after", format::percent(new.ucj_pct(), lang)),
                (
                    "deaths_before",
                    format::decimal(old.deaths_expected, 1, lang),
                ),
                (
                    "deaths_after",
                    format::decimal(new.deaths_expected, 1, lang),
                ),
                ("benefits_before", money(old.benefits_paid())),
                ("benefits_after", money(new.benefits_paid())),
            ],
        ));
        text.push('\n');
    }
    text
}

/// A region's table title and rows.
fn region_block(region: &RegionProjection) -> (String, &[YearResult]) {
    (
        format!("{} ({})", region.name, region.code),
        region.years.as_slice(),
    )
}

fn year_table(rows: &[YearResult], budget_mode: bool, lang: Lang) -> Table {
    let mut table = Table::new();
    table.load_preset(presets::ASCII_MARKDOWN);
    let mut header: Vec<String> = [
        "cli.col.year",
        "cli.col.pool",
        "cli.col.enrolled_avg",
        "cli.col.enrolled_end",
        "cli.col.coverage",
        "cli.col.ucj",
    ]
    .iter()
    .map(|k| lang.tr(k))
    .collect();
    if budget_mode {
        header.push(lang.tr("cli.col.budget"));
    }
    header.extend(
        [
            "cli.col.cost",
            "cli.col.apbd_share",
            "cli.col.deaths",
            "cli.col.benefits",
            "cli.col.scholarships",
        ]
        .iter()
        .map(|k| lang.tr(k)),
    );
    table.set_header(header);
    let cells = |label: String, r: &YearResult| {
        let mut cells = vec![
            label,
            format::count(r.pool, lang),
            format::people(r.enrolled_avg, lang),
            format::count(r.enrolled_end, lang),
            format::percent(r.coverage_pct(), lang),
            format::percent(r.ucj_pct(), lang),
        ];
        if budget_mode {
            cells.push(
                r.budget
                    .map_or("–".into(), |b| format::rupiah_short(b as f64, lang)),
            );
        }
        cells.extend([
            format::rupiah_short(r.cost_total as f64, lang),
            r.apbd_share_pct().map_or("–".into(), |p| {
                format!("{}%", format::decimal(p, 2, lang))
            }),
            format!(
                "{} ({}–{})",
                format::decimal(r.deaths_expected, 1, lang),
                format::people(r.deaths_p05, lang),
                format::people(r.deaths_p95, lang)
            ),
            format::rupiah_short(r.benefits_paid(), lang),
            format::rupiah_short(r.scholarships_paid, lang),
        ]);
        cells
    };
    for r in rows {
        table.add_row(cells(r.year.to_string(), r));
    }
    if rows.len() > 1 {
        table.add_row(cells(
            lang.tr("cli.horizon_row"),
            &Projection::horizon_sum(rows),
        ));
    }
    for column in table.column_iter_mut().skip(1) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    table
}
