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
        let value = match (*value, *base) {
            (Value::Int(a), Value::Int(b)) => a.checked_sub(b).map_or(Value::Missing, Value::Int),
            (a, b) => match (a.number(), b.number()) {
                (Some(a), Some(b)) => Value::Real(a - b),
                _ => Value::Missing,
            },
        };
        Some(Difference {
            value,
            unit: line.measure.unit(),
        })
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
mod tests {
    use super::*;
    use crate::model::defaults::{new_plan, region};
    use crate::model::plan::{CoveragePath, Level, PayerKind};
    use crate::scenario::evaluate;

    /// `pool` workers of region `code`, all enrolled in January of every year of `years`
    /// years from 2026, paid by the kabupaten's APBD.
    fn plan(regions: &[(&str, i64)], years: u32) -> Plan {
        let mut plan = new_plan(2026);
        plan.horizon.years = years;
        plan.regions = regions
            .iter()
            .map(|(code, pool)| {
                let mut r = region("Kab. Contoh", Level::Kabupaten, code);
                r.pool.count = *pool;
                r.coverage.start_pct = 0.0;
                r.coverage.path = CoveragePath::PerYear(vec![100.0; years as usize]);
                r
            })
            .collect();
        plan
    }

    fn run(plan: &Plan) -> Projection {
        evaluate(plan).expect("valid")
    }

    fn line(c: &Comparison, measure: Measure) -> &Line {
        c.lines
            .iter()
            .find(|l| l.measure == measure)
            .expect("compared")
    }

    #[test]
    fn differences_against_the_baseline_per_year_and_over_the_horizon() {
        let (a, b) = (plan(&[("72.71", 10_000)], 2), plan(&[("72.71", 15_000)], 2));
        let (pa, pb) = (run(&a), run(&b));
        let entries = [
            Entry {
                title: "A",
                plan: &a,
                projection: &pa,
            },
            Entry {
                title: "B",
                plan: &b,
                projection: &pb,
            },
        ];
        let c = Comparison::of(&entries, 0, &Scope::Total);
        assert_eq!(c.years, vec![2026, 2027]);
        let cost = line(&c, Measure::CostTotal);
        // A: 10.000 × Rp16.800 × 12 = Rp2.016.000.000 a year; B: 15.000 × 201.600 =
        // Rp3.024.000.000. B − A = Rp1.008.000.000 a year, Rp2.016.000.000 over two years.
        assert_eq!(cost.values[0][0], Value::Int(2_016_000_000));
        let year = c.difference(cost, 1, 0).expect("not the baseline");
        assert_eq!(year.value, Value::Int(1_008_000_000));
        assert_eq!(year.sign(), Sign::Up);
        let horizon = c.difference(cost, 1, 2).expect("not the baseline");
        assert_eq!(horizon.value, Value::Int(2_016_000_000));
        assert_eq!(c.difference(cost, 0, 0), None);
        // Members at year end: 15.000 − 10.000 = 5.000; over the horizon, the last year's.
        let members = line(&c, Measure::EnrolledEnd);
        assert_eq!(
            c.difference(members, 1, 2).map(|d| d.value),
            Some(Value::Int(5_000))
        );
        // Only the kabupaten pays: its column is there, the province's is not.
        assert!(
            c.lines
                .iter()
                .any(|l| l.measure == Measure::Payer(PayerKind::ApbdKabKota))
        );
        assert!(
            !c.lines
                .iter()
                .any(|l| l.measure == Measure::Payer(PayerKind::ApbdProvinsi))
        );
        // With B as the baseline, A is Rp1.008.000.000 lower.
        let c = Comparison::of(&entries, 1, &Scope::Total);
        let cost = line(&c, Measure::CostTotal);
        let d = c.difference(cost, 0, 0).expect("not the baseline");
        assert_eq!(
            (d.value, d.sign()),
            (Value::Int(-1_008_000_000), Sign::Down)
        );
        assert_eq!(d.text(Lang::Id), "−Rp1,01 miliar");
    }

    #[test]
    fn regions_are_matched_by_code_and_years_by_calendar_year() {
        // A has Palu (72.71) and Sigi (72.10) over 2 years; B has Sigi only, over 3 years.
        let a = plan(&[("72.71", 1_000), ("72.10", 2_000)], 2);
        let b = plan(&[("72.10", 3_000)], 3);
        let (pa, pb) = (run(&a), run(&b));
        let entries = [
            Entry {
                title: "A",
                plan: &a,
                projection: &pa,
            },
            Entry {
                title: "B",
                plan: &b,
                projection: &pb,
            },
        ];
        let scopes = Scope::all(&entries);
        assert_eq!(scopes.len(), 3);
        let sigi = Comparison::of(&entries, 0, &Scope::Region("72.10".into()));
        assert_eq!(sigi.years, vec![2026, 2027, 2028]);
        assert!(sigi.horizons_differ);
        let members = line(&sigi, Measure::EnrolledEnd);
        // Sigi in 2026: 3.000 − 2.000 = 1.000 more in B.
        assert_eq!(
            sigi.difference(members, 1, 0).map(|d| d.value),
            Some(Value::Int(1_000))
        );
        // 2028 is past A's horizon: no difference to show.
        assert_eq!(members.values[0][2], Value::Missing);
        assert_eq!(
            sigi.difference(members, 1, 2).map(|d| d.value),
            Some(Value::Missing)
        );
        // Palu is not in B at all.
        let palu = Comparison::of(&entries, 0, &Scope::Region("72.71".into()));
        assert_eq!(palu.absent, vec![1]);
    }

    #[test]
    fn the_copied_table_has_plain_numbers_and_difference_rows() {
        let (a, b) = (plan(&[("72.71", 10_000)], 1), plan(&[("72.71", 15_000)], 1));
        let (pa, pb) = (run(&a), run(&b));
        let entries = [
            Entry {
                title: "A",
                plan: &a,
                projection: &pa,
            },
            Entry {
                title: "B",
                plan: &b,
                projection: &pb,
            },
        ];
        let tsv = Comparison::of(&entries, 0, &Scope::Total).to_tsv(Lang::Id);
        let lines: Vec<&str> = tsv.lines().collect();
        assert_eq!(lines[0], "Angka\tSkenario\t2026\tSeluruh horizon");
        // 10.000 × Rp201.600 = Rp2.016.000.000; B: Rp3.024.000.000, Rp1.008.000.000 more.
        assert!(
            lines[1].ends_with("\tA\t2016000000\t2016000000"),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].ends_with("\tB\t3024000000\t3024000000"),
            "{}",
            lines[2]
        );
        assert!(
            lines[3].ends_with("\tselisih: B\t1008000000\t1008000000"),
            "{}",
            lines[3]
        );
    }

    #[test]
    fn differences_are_written_with_their_sign_and_unit() {
        let points = Difference {
            value: Value::Real(2.5),
            unit: Unit::Percent,
        };
        assert_eq!(points.text(Lang::Id), "+2,50 poin");
        assert_eq!(points.text(Lang::En), "+2.50 pp");
        let none = Difference {
            value: Value::Int(0),
            unit: Unit::Count,
        };
        assert_eq!(
            (none.text(Lang::Id), none.sign()),
            ("±0".to_owned(), Sign::Same)
        );
        let fewer = Difference {
            value: Value::Int(-1_500),
            unit: Unit::Count,
        };
        assert_eq!(fewer.text(Lang::Id), "−1.500");
    }

    #[test]
    fn the_comparison_sentence_says_what_the_difference_buys() {
        let (a, b) = (plan(&[("72.71", 10_000)], 2), plan(&[("72.71", 15_000)], 2));
        let (pa, pb) = (run(&a), run(&b));
        let entries = [
            Entry {
                title: "Rp2 miliar",
                plan: &a,
                projection: &pa,
            },
            Entry {
                title: "Rp3 miliar",
                plan: &b,
                projection: &pb,
            },
        ];
        let lines = sentences(&entries, 0, &Scope::Total, Lang::Id);
        assert_eq!(lines.len(), 1);
        // Rp1.008.000.000 × 2 years = Rp2.016.000.000 more; 5.000 more members in 2027.
        assert!(
            lines[0].contains("Rp2,02 miliar lebih banyak"),
            "{}",
            lines[0]
        );
        assert!(
            lines[0].contains("5.000 pekerja lebih banyak"),
            "{}",
            lines[0]
        );
        assert!(lines[0].starts_with("Rp3 miliar"), "{}", lines[0]);
    }
}
