//! Reading and writing scenario files: RON text with located errors, pretty-printed in a
//! stable field order, saved atomically.

use std::path::Path;

use ron::error::{Error as RonError, SpannedError};

use super::file;
use super::problem::{Location, Problem};
use super::v2::FileRef;
use super::version::{self, Loaded};
use crate::model::plan::Plan;

/// Parses scenario text (any supported version, migrated to the current plan) without
/// checking the values. Errors carry the line and column of the problem.
pub fn parse(text: &str) -> Result<Loaded, Vec<Problem>> {
    let long = super::locate::long_texts(text);
    let parsed = version::parse_any_version(text);
    let Some(first_long) = long.first() else {
        return parsed;
    };
    match parsed {
        // A mistake before the first text that is too long comes first: reading stops there,
        // and a misspelt field name (`note:`, `notes@:`) would otherwise be reported as a
        // text too long for some other field.
        Err(problems)
            if problems.first().is_some_and(|p| {
                p.location.reading_order() < first_long.location.reading_order()
            }) =>
        {
            Err(problems)
        }
        _ => Err(long),
    }
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
                    ("found", shortened(found)),
                    ("suggestion", suggestion.to_owned()),
                    ("expected", expected.join(", ")),
                ],
            ),
            None => (
                "problem.unknown_field",
                vec![
                    ("found", shortened(found)),
                    ("expected", expected.join(", ")),
                ],
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
            vec![
                ("found", shortened(found)),
                ("expected", expected.join(", ")),
            ],
        ),
        RonError::Eof => ("problem.unexpected_end", vec![]),
        code => plain_syntax(code),
    };
    Problem::new(location, key, args)
}

/// Most characters of a name from the file repeated in a message.
const ECHO_CHARS: usize = 60;

/// A name from the file as a message repeats it: at most [`ECHO_CHARS`] characters.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(ECHO_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Every other RON error in words a planner can act on, never naming Lindung's own types.
fn plain_syntax(code: &RonError) -> (&'static str, Vec<(&'static str, String)>) {
    let key = match code {
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => {
            "problem.expected_open_paren"
        }
        RonError::ExpectedStructLikeEnd => "problem.expected_close_paren",
        RonError::ExpectedDifferentStructName { found, .. } => {
            return ("problem.unexpected_name", vec![("found", shortened(found))]);
        }
        RonError::ExpectedStructName(found) => {
            return ("problem.unexpected_name", vec![("found", shortened(found))]);
        }
        RonError::ExpectedArray => "problem.expected_list",
        RonError::ExpectedArrayEnd => "problem.expected_list_end",
        RonError::ExpectedComma => "problem.expected_comma",
        RonError::ExpectedMapColon => "problem.expected_colon",
        RonError::ExpectedIdentifier => "problem.expected_name",
        RonError::ExpectedString | RonError::ExpectedStringEnd => "problem.expected_text",
        RonError::ExpectedInteger | RonError::InvalidIntegerDigit { .. } => {
            "problem.expected_whole"
        }
        RonError::ExpectedFloat | RonError::FloatUnderscore => "problem.expected_number",
        RonError::ExpectedBoolean => "problem.expected_boolean",
        RonError::ExpectedOption | RonError::ExpectedOptionEnd => "problem.expected_option",
        RonError::IntegerOutOfBounds => "problem.number_too_large",
        RonError::TrailingCharacters => "problem.trailing_text",
        RonError::UnclosedBlockComment => "problem.unclosed_comment",
        RonError::ExceededRecursionLimit => "problem.too_deep",
        RonError::UnexpectedChar(c) => {
            return ("problem.unexpected_char", vec![("found", c.to_string())]);
        }
        RonError::InvalidValueForType { .. } => "problem.wrong_value",
        // Anything rarer: RON's own words, without type names.
        other => {
            return (
                "problem.syntax",
                vec![("detail", without_type_names(&other.to_string()))],
            );
        }
    };
    (key, vec![])
}

/// RON's message with the names of Lindung's types taken out: "Expected opening `(` for struct
/// `VersionProbe`" becomes "Expected opening `(`".
fn without_type_names(message: &str) -> String {
    let mut text = message.to_owned();
    for marker in [" for struct `", " struct `", " enum `", " for `"] {
        while let Some(start) = text.find(marker) {
            let name_start = start + marker.len();
            let Some(len) = text[name_start..].find('`') else {
                break;
            };
            text.replace_range(start..name_start + len + 1, "");
        }
    }
    shortened(&text)
}

/// A number written the Indonesian way where a RON error stands (`2,41` for 2.41, `60.426` or
/// `2.000.000.000` with thousands dots): the problem, said plainly with what to write instead,
/// and the text with that number corrected, so that reading can go on to the next problem.
pub fn number_mistake(text: &str, error: &SpannedError) -> Option<(Problem, String)> {
    let (line, column) = first_visible(text, &error.span);
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line_text = text.get(line_start..)?.split('\n').next()?;
    let chars: Vec<(usize, char)> = line_text.char_indices().collect();
    let at = column.saturating_sub(1).min(chars.len());
    let in_number = |c: char| c.is_ascii_digit() || c == '.' || c == ',';
    let mut from = at;
    while from > 0 && in_number(chars[from - 1].1) {
        from -= 1;
    }
    let mut to = at;
    while to < chars.len() && in_number(chars[to].1) {
        to += 1;
    }
    let token: String = chars[from..to].iter().map(|(_, c)| c).collect();
    // RON's comma ends the number: "2,41," is read as 2, then 41 where a field name belongs.
    let token = token.trim_end_matches(',');
    let all_digits = |part: &str| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit());
    let after_comma = at > 0 && chars.get(at - 1).is_some_and(|(_, c)| *c == ',');
    let (key, fixed) = match token.split_once(',') {
        Some((whole, fraction)) if after_comma && all_digits(whole) && all_digits(fraction) => {
            ("problem.decimal_comma", format!("{whole}.{fraction}"))
        }
        _ => {
            let groups: Vec<&str> = token.split('.').collect();
            // One dot is a thousands mark only where reading stopped at it (a whole number was
            // expected); with more dots it cannot be anything else.
            let stopped_at_dot = chars.get(at).is_some_and(|(_, c)| *c == '.');
            let thousands = groups.len() > 2
                || (groups.len() == 2
                    && groups[1].len() == 3
                    && stopped_at_dot
                    && error_is_not_a_float(error));
            if thousands
                && (1..=3).contains(&groups[0].len())
                && !groups[0].starts_with('0')
                && groups.iter().all(|g| all_digits(g))
                && groups[1..].iter().all(|g| g.len() == 3)
            {
                ("problem.thousands_dots", groups.concat())
            } else {
                return None;
            }
        }
    };
    let start = line_start + chars.get(from).map_or(line_text.len(), |(i, _)| *i);
    let end = start + token.len();
    let mut corrected = String::with_capacity(text.len());
    corrected.push_str(&text[..start]);
    corrected.push_str(&fixed);
    corrected.push_str(&text[end..]);
    let problem = Problem::new(
        Location::Text {
            line,
            column: from + 1,
        },
        key,
        vec![("found", token.to_owned()), ("write", fixed)],
    );
    Some((problem, corrected))
}

/// `60.426` where a whole number belongs stops RON at the dot; where a decimal belongs it is
/// read as 60,426 without an error, so only the first case is a thousands mistake.
fn error_is_not_a_float(error: &SpannedError) -> bool {
    !matches!(error.code, RonError::ExpectedFloat)
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

/// How the first line of a file Lindung writes begins: a comment naming the version of
/// Lindung that saved it, for information only. Being a comment, it is never needed to open
/// the file, and older and newer Lindung alike (and any RON reader) skip it.
const SAVED_WITH: &str = "// Disimpan dengan Lindung ";

/// The version of this Lindung, as the first line of the files it saves names it.
pub const THIS_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The first line of a file this build writes, with its line end.
pub fn saved_with_line() -> String {
    let version = THIS_VERSION;
    format!("{SAVED_WITH}{version} / saved with Lindung {version}\n")
}

/// Most characters of a version read from a file's first line.
const MAX_VERSION_CHARS: usize = 32;

/// The version of Lindung that saved `text`, from its first line, if it names one (a version
/// is digits, letters, `.`, `-` and `+`, at most [`MAX_VERSION_CHARS`] characters).
pub fn saved_with(text: &str) -> Option<String> {
    let rest = text.strip_prefix(SAVED_WITH)?;
    let version: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+'))
        .take(MAX_VERSION_CHARS + 1)
        .collect();
    (!version.is_empty() && version.len() <= MAX_VERSION_CHARS).then_some(version)
}

/// The plan as RON text in the current format version: the [`saved_with_line`], then the
/// [`plan_text`]. Saving the text of a loaded current file gives the same bytes (when this
/// version of Lindung saved it).
pub fn to_ron_string(plan: &Plan) -> Result<String, Problem> {
    let mut text = saved_with_line();
    text.push_str(&plan_text(plan)?);
    Ok(text)
}

/// The plan as written after the first line: pretty-printed, fields in declaration order, `\n`
/// line ends, four-space indent. The same plan gives the same text in every version of
/// Lindung that writes this format version (the scenario's fingerprint is taken from it).
pub fn plan_text(plan: &Plan) -> Result<String, Problem> {
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

/// Reads and parses a scenario file (values not yet checked): only a regular file of at most
/// [`file::MAX_FILE_BYTES`], with or without a byte-order mark.
pub fn load(path: &Path) -> Result<Loaded, Vec<Problem>> {
    let (text, _, stamp) = file::read_text(path).map_err(|p| vec![p])?;
    let mut loaded = parse(&text)?;
    loaded.stamp = Some(stamp);
    Ok(loaded)
}

/// Writes the scenario atomically (see [`file::write_atomically`]), with the line ends and
/// byte-order mark of the file it replaces; returns the stamp of what was written.
pub fn save(path: &Path, plan: &Plan) -> Result<file::Stamp, Problem> {
    let text = to_ron_string(plan)?;
    let text = file::style_of_existing(path).apply(&text);
    file::write_atomically(path, text.as_bytes())
}
