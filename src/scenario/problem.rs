//! A problem found in a scenario file, with where it is and a message in either language.

use std::fmt;

use crate::i18n::Lang;
use crate::model::plan::Plan;
use crate::model::plan::field::{FieldPath, PlacePart};

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
#[expect(
    clippy::large_enum_variant,
    reason = "a problem is made only when something is wrong; a field's path is kept unboxed so \
              that it can be compared and copied as the value it is"
)]
pub enum Location {
    /// A position in the file text (1-based line and column).
    Text { line: usize, column: usize },
    /// A field of the scenario, e.g. `regions[0].pool.count`.
    Field(FieldPath),
    /// The file as a whole (cannot be read, wrong version, …).
    File,
}

impl Location {
    /// Where the problem is in reading order: in the text by line and column, then problems of
    /// fields, then of the whole file.
    pub fn reading_order(&self) -> (u8, usize, usize) {
        match self {
            Location::Text { line, column } => (0, *line, *column),
            Location::Field(_) => (1, 0, 0),
            Location::File => (2, 0, 0),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Text { line, column } => write!(f, "{line}:{column}"),
            Location::Field(path) => write!(f, "{path}"),
            Location::File => Ok(()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    /// Message key in `locales/*.yml`.
    pub key: &'static str,
    /// Values for the message's `%{name}` placeholders.
    pub args: Vec<(&'static str, String)>,
    /// Where a field is, in the editor's words (see [`placed`]); empty for other locations.
    pub place: Vec<PlacePart>,
    /// The line of the field in the file as it was read (see [`super::locate`]), when known.
    pub line: Option<usize>,
}

/// Gives every problem at a field its place in the editor's words, with the names of the
/// plan's regions and rule sets.
pub fn placed(mut problems: Vec<Problem>, plan: &Plan) -> Vec<Problem> {
    for problem in &mut problems {
        if let Location::Field(path) = problem.location {
            problem.place = path.describe(plan);
        }
    }
    problems
}

/// Marks an argument as a number to be written in the reader's language.
const NUMBER: char = '\u{1f}';
const COUNT: char = '\u{1e}';

/// A decimal number as a message argument (at most three decimals, no needless zeros).
pub fn number_arg(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    format!("{NUMBER}{rounded}")
}

/// A whole number (people, Rupiah) as a message argument, grouped by thousands.
pub fn count_arg(value: i64) -> String {
    format!("{COUNT}{value}")
}

fn localized(value: &str, lang: Lang) -> String {
    if let Some(number) = value.strip_prefix(NUMBER) {
        let decimals = number.split_once('.').map_or(0, |(_, f)| f.len());
        number.parse::<f64>().map_or_else(
            |_| number.to_owned(),
            |v| crate::format::decimal(v, decimals, lang),
        )
    } else if let Some(number) = value.strip_prefix(COUNT) {
        number
            .parse::<i64>()
            .map_or_else(|_| number.to_owned(), |v| crate::format::count(v, lang))
    } else {
        value.to_owned()
    }
}

impl Problem {
    pub fn new(location: Location, key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Self {
            location,
            key,
            args,
            place: Vec::new(),
            line: None,
        }
    }

    pub fn at_field(path: FieldPath, key: &'static str, args: Vec<(&'static str, String)>) -> Self {
        Self::new(Location::Field(path), key, args)
    }

    /// Where the problem is, as a planner reads it: "Wilayah 10 (Kabupaten Banggai) › Jalur
    /// cakupan › Cakupan awal", "baris 12, kolom 5" in the file, or the field path when the
    /// problem was never [`placed`]; empty for the file as a whole.
    pub fn place(&self, lang: Lang) -> String {
        match &self.location {
            Location::Text { line, column } => lang.tr_args(
                "place.line_column",
                &[("line", line.to_string()), ("column", column.to_string())],
            ),
            Location::Field(path) if self.place.is_empty() => path.to_string(),
            Location::Field(_) => crate::format::place(&self.place, lang),
            Location::File => String::new(),
        }
    }

    /// The place and the message for a list in the window: "Wilayah 1 (Kota Palu) › Sasaran ›
    /// Jumlah sasaran: harus ≥ 0 (baris 42)".
    pub fn described(&self, lang: Lang) -> String {
        let place = self.place(lang);
        let mut text = if place.is_empty() {
            self.message(lang)
        } else {
            format!("{place}: {}", self.message(lang))
        };
        if let (Location::Field(_), Some(line)) = (&self.location, self.line) {
            text.push_str(&format!(
                " ({})",
                lang.tr_args("place.line", &[("line", line.to_string())])
            ));
        }
        text
    }

    /// The message alone, in `lang`; numbers made with [`number_arg`] and [`count_arg`] are
    /// written the language's way (0,059 / 0.059; 19.148 / 19,148).
    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<(&'static str, String)> = self
            .args
            .iter()
            .map(|(name, value)| (*name, localized(value, lang)))
            .collect();
        lang.tr_args(self.key, &args)
    }

    /// One line for the command line: `file:line:column: message`, `file:line: place: message
    /// [field.path]` (the line when known, the field path as the technical part) or
    /// `file: message`.
    pub fn render(&self, file: &str, lang: Lang) -> String {
        match &self.location {
            Location::Text { line, column } => {
                format!("{file}:{line}:{column}: {}", self.message(lang))
            }
            Location::Field(path) => {
                let at = self
                    .line
                    .map_or_else(String::new, |line| format!(":{line}"));
                if self.place.is_empty() {
                    format!("{file}{at}: {path}: {}", self.message(lang))
                } else {
                    format!(
                        "{file}{at}: {}: {} [{path}]",
                        self.place(lang),
                        self.message(lang)
                    )
                }
            }
            Location::File => format!("{file}: {}", self.message(lang)),
        }
    }
}
