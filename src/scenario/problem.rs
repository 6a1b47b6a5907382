//! A problem found in a scenario file, with where it is and a message in either language.

use std::fmt;

use crate::i18n::Lang;

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A position in the file text (1-based line and column).
    Text { line: usize, column: usize },
    /// A field path in the scenario, e.g. `regions[0].pool.count`.
    Field(String),
    /// The file as a whole (cannot be read, wrong version, …).
    File,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Text { line, column } => write!(f, "{line}:{column}"),
            Location::Field(path) => f.write_str(path),
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
        }
    }

    pub fn at_field(
        path: impl Into<String>,
        key: &'static str,
        args: Vec<(&'static str, String)>,
    ) -> Self {
        Self::new(Location::Field(path.into()), key, args)
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

    /// `file:line:column: message`, `file: field.path: message` or `file: message`.
    pub fn render(&self, file: &str, lang: Lang) -> String {
        match &self.location {
            Location::Text { line, column } => {
                format!("{file}:{line}:{column}: {}", self.message(lang))
            }
            Location::Field(path) => format!("{file}: {path}: {}", self.message(lang)),
            Location::File => format!("{file}: {}", self.message(lang)),
        }
    }
}
