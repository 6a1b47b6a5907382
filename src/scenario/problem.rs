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

    /// The message alone, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        lang.tr_args(self.key, &self.args)
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
