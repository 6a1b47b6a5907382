//! Reading and writing scenario files: RON text with located errors, pretty-printed in a
//! stable field order, saved atomically.

use std::io::Write as _;
use std::path::Path;

use ron::error::{Error as RonError, SpannedError};

use super::problem::{Location, Problem};
use super::v2::FileRef;
use super::version::{self, Loaded};
use crate::model::plan::Plan;

/// Parses scenario text (any supported version, migrated to the current plan) without
/// checking the values. Errors carry the line and column of the problem.
pub fn parse(text: &str) -> Result<Loaded, Vec<Problem>> {
    version::parse_any_version(text)
}

/// Turns a RON error in `text` into a located problem with a message in both languages.
pub fn problem_from_ron(text: &str, error: &SpannedError) -> Problem {
    let (line, column) = first_visible(text, &error.span);
    let location = Location::Text { line, column };
    let (key, args) = match &error.code {
        RonError::NoSuchStructField {
            expected, found, ..
        } => match closest(found, expected) {
            Some(suggestion) => (
                "problem.unknown_field_suggest",
                vec![
                    ("found", found.clone()),
                    ("suggestion", suggestion.to_owned()),
                    ("expected", expected.join(", ")),
                ],
            ),
            None => (
                "problem.unknown_field",
                vec![("found", found.clone()), ("expected", expected.join(", "))],
            ),
        },
        RonError::MissingStructField { field, .. } => (
            "problem.missing_field",
            vec![("field", (*field).to_owned())],
        ),
        RonError::DuplicateStructField { field, .. } => (
            "problem.duplicate_field",
            vec![("field", (*field).to_owned())],
        ),
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => (
            "problem.unknown_variant",
            vec![("found", found.clone()), ("expected", expected.join(", "))],
        ),
        RonError::Eof => ("problem.unexpected_end", vec![]),
        RonError::InvalidValueForType { .. }
        | RonError::ExpectedInteger
        | RonError::ExpectedFloat
        | RonError::ExpectedBoolean
        | RonError::ExpectedString
        | RonError::IntegerOutOfBounds => (
            "problem.wrong_type",
            vec![("detail", error.code.to_string())],
        ),
        other => ("problem.syntax", vec![("detail", other.to_string())]),
    };
    Problem::new(location, key, args)
}

/// RON's error span starts where the parser stood, which may be before blank space and line
/// ends; people look for the first visible character after it (within the span).
fn first_visible(text: &str, span: &ron::error::Span) -> (usize, usize) {
    let (mut line, mut column) = (span.start.line, span.start.col);
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let Some(from_line) = text.get(line_start..) else {
        return (line, column);
    };
    for c in from_line.chars().skip(column.saturating_sub(1)) {
        if (line, column) >= (span.end.line, span.end.col) {
            break;
        }
        match c {
            '\n' => {
                line += 1;
                column = 1;
            }
            c if c.is_whitespace() => column += 1,
            _ => break,
        }
    }
    (line, column)
}

/// The expected name closest to a misspelt one, if it is plausibly a typo.
fn closest<'a>(found: &str, expected: &[&'a str]) -> Option<&'a str> {
    expected
        .iter()
        .map(|name| (strsim::damerau_levenshtein(found, name), *name))
        .filter(|(distance, name)| *distance <= 2.max(name.len() / 4))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

/// The plan as RON text in the current format version: pretty-printed, fields in declaration
/// order, `\n` line ends, four-space indent. Saving the text of a loaded current file gives
/// the same bytes.
pub fn to_ron_string(plan: &Plan) -> Result<String, Problem> {
    let config = ron::ser::PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
        // Text as typed: notes keep their line breaks; a text with `"` or `\` is written as a
        // raw string r#"…"#.
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(&FileRef::new(plan), config).map_err(|e| {
        Problem::new(
            Location::File,
            "problem.write",
            vec![("detail", e.to_string())],
        )
    })?;
    text.push('\n');
    Ok(text)
}

/// Reads and parses a scenario file (values not yet checked).
pub fn load(path: &Path) -> Result<Loaded, Vec<Problem>> {
    let bytes = std::fs::read(path).map_err(|e| {
        vec![Problem::new(
            Location::File,
            "problem.read",
            vec![("detail", e.to_string())],
        )]
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|_| vec![Problem::new(Location::File, "problem.not_utf8", vec![])])?;
    parse(&text)
}

/// Writes the scenario atomically: to a temporary file in the same folder, flushed to disk,
/// then renamed over the target, so a crash never leaves a half-written file.
pub fn save(path: &Path, plan: &Plan) -> Result<(), Problem> {
    let text = to_ron_string(plan)?;
    let write_problem = |e: std::io::Error| {
        Problem::new(
            Location::File,
            "problem.write",
            vec![("detail", e.to_string())],
        )
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(write_problem)?;
    file.write_all(text.as_bytes()).map_err(write_problem)?;
    file.as_file().sync_all().map_err(write_problem)?;
    file.persist(path).map_err(|e| write_problem(e.error))?;
    Ok(())
}
