//! `lindung diff A.ron B.ron`: which inputs differ, as a table or CSV.

use std::io::Write;
use std::path::Path;

use comfy_table::{ContentArrangement, Table, presets};

use crate::i18n::Lang;
use crate::report::Dialect;
use crate::report::inputs::{Difference, differences};
use crate::scenario;

use super::{emit, report};

/// Widest the table is drawn; long values and sources wrap.
const TABLE_WIDTH: u16 = 120;

/// Compares the scenarios in `files`; exit 0 when no input differs, 1 when some do, 2 when a
/// file cannot be read or is not a valid scenario.
pub(super) fn diff(
    files: [&Path; 2],
    csv: Option<&str>,
    dialect: Dialect,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let mut plans = Vec::new();
    for file in files {
        match scenario::load_checked(file) {
            Ok(loaded) => plans.push(loaded.plan),
            Err(problems) => report(file, &problems, lang, err),
        }
    }
    let [a, b] = plans.as_slice() else {
        return 2;
    };
    let found = differences(a, b, lang);
    let names = files.map(|f| f.display().to_string());
    let code = emit(
        csv,
        lang,
        out,
        err,
        || diff_text(&found, &names, lang),
        |to| write_diff_csv(&found, dialect, to),
    );
    match (code, found.is_empty()) {
        (0, true) => 0,
        (0, false) => 1,
        _ => 2,
    }
}

fn diff_text(found: &[Difference], names: &[String; 2], lang: Lang) -> String {
    let [a, b] = names.clone();
    if found.is_empty() {
        return lang.tr_args("cli.diff.same", &[("a", a), ("b", b)]) + "\n";
    }
    let mut text = lang.tr_args(
        "cli.diff.count",
        &[("count", found.len().to_string()), ("a", a), ("b", b)],
    );
    text.push('\n');
    let with_sources = found
        .iter()
        .any(|d| !d.source_a.is_empty() || !d.source_b.is_empty());
    let mut table = Table::new();
    table
        .load_preset(presets::ASCII_MARKDOWN)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(TABLE_WIDTH);
    let mut header = vec![
        lang.tr("cli.diff.col.place"),
        "A".to_owned(),
        "B".to_owned(),
    ];
    if with_sources {
        header.extend([
            lang.tr("cli.diff.col.source_a"),
            lang.tr("cli.diff.col.source_b"),
        ]);
    }
    table.set_header(header);
    let cell = |text: String| shortened(text, lang);
    for d in found {
        let mut row = vec![d.place.clone(), cell(d.a.text(lang)), cell(d.b.text(lang))];
        if with_sources {
            row.extend([cell(d.source_a.clone()), cell(d.source_b.clone())]);
        }
        table.add_row(row);
    }
    text.push_str(&table.to_string());
    text.push('\n');
    text
}

/// Longest text shown whole in the table (a scenario's notes run to pages).
const LONGEST_CELL: usize = 240;

/// A long text cut to its start, saying how much more there is and where to read it all.
fn shortened(text: String, lang: Lang) -> String {
    let length = text.chars().count();
    if length <= LONGEST_CELL {
        return text;
    }
    let start: String = text.chars().take(LONGEST_CELL).collect();
    let more = (length - LONGEST_CELL).to_string();
    format!(
        "{start}… {}",
        lang.tr_args("cli.diff.shortened", &[("more", more)])
    )
}

/// CSV columns of `lindung diff`: a contract like `run`'s (never renamed, only appended).
pub const DIFF_CSV_HEADER: [&str; 6] = [
    "field", "value_a", "value_b", "source_a", "source_b", "place",
];

fn write_diff_csv(
    found: &[Difference],
    dialect: Dialect,
    to: &mut dyn Write,
) -> Result<(), ::csv::Error> {
    let mut writer = dialect.writer(to)?;
    writer.write_record(DIFF_CSV_HEADER)?;
    let mark = dialect.decimal_mark();
    for d in found {
        let plain = |cell: &crate::report::inputs::Cell| {
            let text = cell.plain();
            // Only numbers take the dialect's decimal mark.
            if mark != '.' && text.parse::<f64>().is_ok() {
                text.replace('.', &mark.to_string())
            } else {
                text
            }
        };
        writer.write_record([
            d.path.clone(),
            plain(&d.a),
            plain(&d.b),
            d.source_a.clone(),
            d.source_b.clone(),
            d.place.clone(),
        ])?;
    }
    writer.flush()?;
    Ok(())
}
