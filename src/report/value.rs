//! A figure's unit and exact value, and how it is written for people and for machines.

use crate::format;
use crate::i18n::Lang;

/// What a column's numbers are, which decides how they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Year,
    /// Whole people (members, the pool).
    Count,
    /// Expected numbers of people or claims: fractional, shown rounded.
    People,
    Percent,
    Rupiah,
    /// Expected deaths: shown with one decimal.
    Deaths,
    /// Rupiah per Rupiah.
    Ratio,
}

/// A cell's value: whole numbers stay exact (a province's total over 30 years does not fit
/// an `f64` to the Rupiah).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Int(i64),
    Real(f64),
    /// Not defined for this row (no budget in the coverage direction, no APBD given).
    Missing,
}

impl Value {
    pub(super) fn from_option(value: Option<f64>) -> Self {
        value.map_or(Value::Missing, Value::Real)
    }

    /// The value as a number (for charts and differences); `None` when missing.
    pub fn number(self) -> Option<f64> {
        match self {
            Value::Int(v) => Some(v as f64),
            Value::Real(v) => Some(v),
            Value::Missing => None,
        }
    }

    /// As people read it in `unit`: Rupiah in full (`short` false) or as a planner says it
    /// (Rp2,02 miliar); a missing value as "–".
    pub fn shown(self, unit: Unit, short: bool, lang: Lang) -> String {
        let Some(number) = self.number() else {
            return "–".to_owned();
        };
        match (unit, self) {
            (Unit::Year, _) => format!("{number}"),
            (Unit::Count, Value::Int(v)) => format::count(v, lang),
            (Unit::Count | Unit::People, _) => format::people(number, lang),
            (Unit::Percent, _) => format::percent(number, lang),
            (Unit::Rupiah, _) if short => format::rupiah_short(number, lang),
            (Unit::Rupiah, _) => format::rupiah(number, lang),
            (Unit::Deaths, _) => format::decimal(number, 1, lang),
            (Unit::Ratio, _) => format::decimal(number, 2, lang),
        }
    }

    /// A plain number for a machine or a spreadsheet: no thousands separators, rounded to
    /// `decimals` with trailing zeros dropped, `mark` as the decimal point; empty when
    /// missing.
    pub fn plain(self, decimals: i32, mark: char) -> String {
        match self {
            Value::Int(v) => v.to_string(),
            Value::Real(v) => {
                let factor = 10_f64.powi(decimals);
                let rounded = (v * factor).round() / factor;
                let text = if rounded == 0.0 {
                    "0".to_owned()
                } else {
                    format!("{rounded}")
                };
                if mark == '.' {
                    text
                } else {
                    text.replace('.', &mark.to_string())
                }
            }
            Value::Missing => String::new(),
        }
    }
}
