//! Several scenarios against a baseline: the figures a council decides on (cost by payer,
//! share of APBD, members, coverage, UCJ, deaths covered, benefits, benefits per Rupiah), per
//! calendar year and over the horizon, each with its difference from the baseline. Scenarios
//! are matched by calendar year, and by official region code when one region is compared, so
//! two offices' files with different regions or horizons still line up.

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::Plan;
use crate::model::{Projection, YearResult};

use super::findings::Findings;
use super::table::{Measure, Unit, Value};

/// One scenario to compare: its title (as the tabs and legends name it) and its results.
#[derive(Clone, Copy, Debug)]
pub struct Entry<'a> {
    pub title: &'a str,
    pub plan: &'a Plan,
    pub projection: &'a Projection,
}

/// What is compared: every region together, or the region with this official code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    #[default]
    Total,
    Region(String),
}

impl Scope {
    /// The scenario's years in this scope; `None` when it has no region with the code.
    pub fn rows<'p>(&self, entry: &Entry<'p>) -> Option<&'p [YearResult]> {
        match self {
            Scope::Total => Some(&entry.projection.total),
            Scope::Region(code) => entry
                .plan
                .regions
                .iter()
                .position(|r| r.code.trim() == code)
                .and_then(|i| entry.projection.regions.get(i))
                .map(|r| r.years.as_slice()),
        }
    }

    /// The region's index in the scenario, for findings (`None`: the total, or absent).
    fn region_index(&self, plan: &Plan) -> Option<Option<usize>> {
        match self {
            Scope::Total => Some(None),
            Scope::Region(code) => plan
                .regions
                .iter()
                .position(|r| r.code.trim() == code)
                .map(Some),
        }
    }

    /// Every scope the scenarios offer: the total, then each region code once (named as
    /// the first scenario that has it names it), in the order first met.
    pub fn all(entries: &[Entry<'_>]) -> Vec<(Scope, String)> {
        let mut scopes = vec![(Scope::Total, String::new())];
        for entry in entries {
            for region in &entry.plan.regions {
                let code = region.code.trim();
                let known = scopes
                    .iter()
                    .any(|(s, _)| matches!(s, Scope::Region(c) if c == code));
                if !code.is_empty() && !known {
                    scopes.push((Scope::Region(code.to_owned()), region.name.clone()));
                }
            }
        }
        scopes
    }
}

/// A figure of every scenario: per year (the comparison's years), then over the horizon.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub measure: Measure,
    /// `values[scenario][column]`: the comparison's years, then the horizon.
    pub values: Vec<Vec<Value>>,
}

/// Whether a difference is up, down or none (shown with an arrow and a colour, so colour is
/// never the only sign).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Up,
    Down,
    Same,
}

/// A scenario's figure minus the baseline's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Difference {
    pub value: Value,
    pub unit: Unit,
}

impl Difference {
    /// `value` − `base` of `measure`: whole numbers exactly, missing when either is.
    pub fn between(measure: Measure, value: Value, base: Value) -> Self {
        let value = match (value, base) {
            (Value::Int(a), Value::Int(b)) => a.checked_sub(b).map_or(Value::Missing, Value::Int),
            (a, b) => match (a.number(), b.number()) {
                (Some(a), Some(b)) => Value::Real(a - b),
                _ => Value::Missing,
            },
        };
        Self {
            value,
            unit: measure.unit(),
        }
    }

    pub fn sign(self) -> Sign {
        match self.value.number() {
            Some(v) if v > 0.0 => Sign::Up,
            Some(v) if v < 0.0 => Sign::Down,
            _ => Sign::Same,
        }
    }

    /// "+Rp1,2 miliar", "−340", "+2,1 poin" (percentage points), "±0".
    pub fn text(self, lang: Lang) -> String {
        let Some(number) = self.value.number() else {
            return "–".to_owned();
        };
        let sign = match self.sign() {
            Sign::Up => "+",
            Sign::Down => "−",
            Sign::Same => return "±0".to_owned(),
        };
        let size = match self.value {
            Value::Int(v) => Value::Int(v.saturating_abs()),
            _ => Value::Real(number.abs()),
        };
        let text = match self.unit {
            Unit::Percent => lang.tr_args(
                "compare.points",
                &[("value", format::decimal(number.abs(), 2, lang))],
            ),
            unit => size.shown(unit, true, lang),
        };
        format!("{sign}{text}")
    }
}

/// The comparison of several scenarios against one of them.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Every calendar year of any scenario, in order.
    pub years: Vec<i32>,
    pub titles: Vec<String>,
    pub baseline: usize,
    /// The scenarios without the compared region (their cells are missing).
    pub absent: Vec<usize>,
    /// Whether the scenarios' horizons differ (their horizon sums cover different years).
    pub horizons_differ: bool,
    pub lines: Vec<Line>,
}

/// The figures compared, before the payers (which depend on who pays in any scenario).
const LEADING: [Measure; 1] = [Measure::CostTotal];
const TRAILING: [Measure; 7] = [
    Measure::ApbdShare,
    Measure::EnrolledEnd,
    Measure::Coverage,
    Measure::Ucj,
    Measure::DeathsExpected,
    Measure::BenefitsPaid,
    Measure::BenefitsPerRupiah,
];

impl Comparison {
    pub fn of(entries: &[Entry<'_>], baseline: usize, scope: &Scope) -> Self {
        let rows: Vec<Option<&[YearResult]>> = entries.iter().map(|e| scope.rows(e)).collect();
        let mut years: Vec<i32> = rows
            .iter()
            .flatten()
            .flat_map(|r| r.iter().map(|y| y.year))
            .collect();
        years.sort_unstable();
        years.dedup();
        let spans: Vec<(i32, i32)> = rows
            .iter()
            .flatten()
            .filter_map(|r| Some((r.first()?.year, r.last()?.year)))
            .collect();
        let horizons_differ = spans.windows(2).any(|w| w[0] != w[1]);
        let sums: Vec<Option<YearResult>> = rows
            .iter()
            .map(|r| r.map(Projection::horizon_sum))
            .collect();
        let payers = Measure::payers().filter(|m| {
            rows.iter()
                .flatten()
                .flat_map(|r| r.iter())
                .any(|r| m.value(r).number().is_some_and(|v| v != 0.0))
        });
        let measures: Vec<Measure> = LEADING.into_iter().chain(payers).chain(TRAILING).collect();
        let lines = measures
            .into_iter()
            .map(|measure| Line {
                measure,
                values: rows
                    .iter()
                    .zip(&sums)
                    .map(|(rows, sum)| {
                        let mut values: Vec<Value> = years
                            .iter()
                            .map(|year| {
                                rows.and_then(|r| r.iter().find(|r| r.year == *year))
                                    .map_or(Value::Missing, |r| measure.value(r))
                            })
                            .collect();
                        values.push(horizon_value(measure, *rows, sum.as_ref()));
                        values
                    })
                    .collect(),
            })
            .collect();
        Self {
            years,
            titles: entries.iter().map(|e| e.title.to_owned()).collect(),
            baseline: baseline.min(entries.len().saturating_sub(1)),
            absent: (0..entries.len()).filter(|i| rows[*i].is_none()).collect(),
            horizons_differ,
            lines,
        }
    }

    /// Scenario `scenario`'s figure in `column` minus the baseline's (`None` for the
    /// baseline itself; missing when either figure is).
    pub fn difference(&self, line: &Line, scenario: usize, column: usize) -> Option<Difference> {
        if scenario == self.baseline {
            return None;
        }
        let value = line.values.get(scenario)?.get(column)?;
        let base = line.values.get(self.baseline)?.get(column)?;
        Some(Difference::between(line.measure, *value, *base))
    }
}

impl Comparison {
    /// The column headers after the figure and the scenario: the years, then the horizon.
    pub fn column_headers(&self, lang: Lang) -> Vec<String> {
        self.years
            .iter()
            .map(i32::to_string)
            .chain([lang.tr("ui.compare.horizon")])
            .collect()
    }

    /// The table as tab-separated text for a spreadsheet: a row per figure and scenario with
    /// plain numbers, each scenario's row followed by its difference from the baseline.
    pub fn to_tsv(&self, lang: Lang) -> String {
        let mark = super::table::decimal_mark(lang);
        let mut lines = vec![
            [lang.tr("ui.compare.figure"), lang.tr("ui.compare.scenario")]
                .into_iter()
                .chain(self.column_headers(lang))
                .collect::<Vec<_>>()
                .join("\t"),
        ];
        let difference_label = lang.tr("ui.compare.difference");
        for line in &self.lines {
            let decimals = line.measure.sheet_decimals();
            for (scenario, values) in line.values.iter().enumerate() {
                let cells = values.iter().map(|v| v.plain(decimals, mark));
                lines.push(
                    [line.measure.header(lang), self.titles[scenario].clone()]
                        .into_iter()
                        .chain(cells)
                        .collect::<Vec<_>>()
                        .join("\t"),
                );
                if scenario == self.baseline {
                    continue;
                }
                let differences = (0..values.len()).map(|column| {
                    self.difference(line, scenario, column)
                        .map_or_else(String::new, |d| d.value.plain(decimals, mark))
                });
                lines.push(
                    [
                        line.measure.header(lang),
                        format!("{difference_label}: {}", self.titles[scenario]),
                    ]
                    .into_iter()
                    .chain(differences)
                    .collect::<Vec<_>>()
                    .join("\t"),
                );
            }
        }
        lines.join("\n") + "\n"
    }
}

/// Over the horizon: the sum for what adds up (the share of APBD from the sums), the last
/// year's figure for a count or share at a point in time.
fn horizon_value(measure: Measure, rows: Option<&[YearResult]>, sum: Option<&YearResult>) -> Value {
    if measure.adds_up() {
        sum.map_or(Value::Missing, |s| measure.value(s))
    } else {
        rows.and_then(<[YearResult]>::last)
            .map_or(Value::Missing, |r| measure.value(r))
    }
}

/// The comparison in a sentence per scenario against the baseline: "Skenario B membutuhkan
/// Rp1,2 miliar lebih banyak selama 2026–2030 dan melindungi 6.000 pekerja lebih banyak pada
/// 2030 …". Numbers come from the same findings as the cards and the summary sentences.
pub fn sentences(entries: &[Entry<'_>], baseline: usize, scope: &Scope, lang: Lang) -> Vec<String> {
    let findings = |entry: &Entry<'_>| {
        let region = scope.region_index(entry.plan)?;
        Findings::of(entry.plan, entry.projection, region)
    };
    let Some(base) = entries.get(baseline).and_then(findings) else {
        return Vec::new();
    };
    let base_title = entries[baseline].title;
    entries
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != baseline)
        .filter_map(|(_, entry)| {
            let f = findings(entry)?;
            let cost = f.cost_sum.checked_sub(base.cost_sum)?;
            let members = f.enrolled.last.checked_sub(base.enrolled.last)?;
            let deaths = f.deaths_per_year - base.deaths_per_year;
            let more_or_less = |positive: bool, more: &str, less: &str| {
                lang.tr(if positive { more } else { less })
            };
            let cost_part = if cost == 0 {
                lang.tr("compare.cost_same")
            } else {
                lang.tr_args(
                    "compare.cost_diff",
                    &[
                        (
                            "amount",
                            format::rupiah_short(cost.unsigned_abs() as f64, lang),
                        ),
                        (
                            "more",
                            more_or_less(cost > 0, "compare.more", "compare.less"),
                        ),
                    ],
                )
            };
            let members_part = if members == 0 {
                lang.tr_args("compare.members_same", &[("year", f.last_year.to_string())])
            } else {
                lang.tr_args(
                    "compare.members_diff",
                    &[
                        ("count", format::count(members.saturating_abs(), lang)),
                        (
                            "more",
                            more_or_less(members > 0, "compare.more", "compare.fewer"),
                        ),
                        ("year", f.last_year.to_string()),
                    ],
                )
            };
            Some(lang.tr_args(
                "compare.sentence",
                &[
                    ("title", entry.title.to_owned()),
                    ("baseline", base_title.to_owned()),
                    ("years", years_text(f.first_year, f.last_year)),
                    ("cost", cost_part),
                    ("members", members_part),
                    ("deaths", format::decimal(deaths.abs(), 1, lang)),
                    (
                        "deaths_more",
                        more_or_less(deaths >= 0.0, "compare.more", "compare.fewer"),
                    ),
                ],
            ))
        })
        .collect()
}

fn years_text(first: i32, last: i32) -> String {
    if first == last {
        first.to_string()
    } else {
        format!("{first}–{last}")
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests;
