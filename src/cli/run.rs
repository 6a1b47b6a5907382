//! `lindung run`: one or several scenarios as readable tables or CSV.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::model::plan::Plan;
use crate::model::{MonthResult, Projection};
use crate::report::{self, Dialect};
use crate::scenario::{self, CURRENT_VERSION};

use super::export::output_is_input;
use super::text::{self, TableColumn, table_text};
use super::{emit, load_and_evaluate, report};

/// What `lindung run` writes.
pub(super) struct Report<'a> {
    pub(super) csv: Option<&'a str>,
    pub(super) dialect: Dialect,
    pub(super) region: Option<&'a str>,
    pub(super) lang: Lang,
    pub(super) monthly: bool,
    pub(super) columns: &'a [TableColumn],
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

pub(super) fn run(
    files: &[PathBuf],
    how: &Report<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let lang = how.lang;
    if let Some(csv) = how.csv.filter(|csv| *csv != "-")
        && files
            .iter()
            .any(|file| output_is_input(file, Path::new(csv), lang, err))
    {
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
pub(super) fn find_region(
    projection: &Projection,
    wanted: &str,
    lang: Lang,
) -> Result<usize, String> {
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
