//! The year table as data: every figure of a fiscal year is a [`Measure`] with its CSV name,
//! header, unit and value. The screen's table, its copy for Excel, the command line's table
//! and the CSV are all drawn from these, so a column is defined once.

use crate::format;
use crate::i18n::Lang;

pub use super::value::{Unit, Value};
use crate::model::YearResult;
use crate::model::plan::{Direction, PayerKind};

/// One figure of a fiscal year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Year,
    Pool,
    EnrolledAvg,
    EnrolledEnd,
    EnrolledNew,
    EnrolledCut,
    EnrolledAgedOut,
    Coverage,
    Ucj,
    Employed,
    CoveredOther,
    Budget,
    Unspent,
    CostTotal,
    Payer(PayerKind),
    CostJkk,
    CostJkm,
    CostJht,
    UnpaidByPayers,
    ApbdShare,
    ApbdTotal,
    CostPerWorker,
    MemberYears,
    DeathsExpected,
    DeathsP05,
    DeathsP95,
    JkmDeaths,
    JkkDeaths,
    DeathBenefits,
    AccidentClaims,
    AccidentBenefits,
    BenefitsPaid,
    ScholarshipsPaid,
    BenefitsPerRupiah,
    BenefitsPerApbdRupiah,
}

impl Measure {
    /// The column's name in CSV files: a contract, never renamed.
    pub fn csv_id(self) -> String {
        let id = match self {
            Measure::Year => "year",
            Measure::Pool => "pool",
            Measure::EnrolledAvg => "enrolled_avg",
            Measure::EnrolledEnd => "enrolled_end",
            Measure::EnrolledNew => "enrolled_new",
            Measure::EnrolledCut => "enrolled_cut",
            Measure::EnrolledAgedOut => "enrolled_aged_out",
            Measure::Coverage => "coverage_pct",
            Measure::Ucj => "ucj_pct",
            Measure::Employed => "employed",
            Measure::CoveredOther => "covered_other",
            Measure::Budget => "budget",
            Measure::Unspent => "unspent",
            Measure::CostTotal => "cost_total",
            Measure::Payer(payer) => return format!("cost_{}", payer.id()),
            Measure::CostJkk => "cost_jkk",
            Measure::CostJkm => "cost_jkm",
            Measure::CostJht => "cost_jht",
            Measure::UnpaidByPayers => "unpaid_by_payers",
            Measure::ApbdShare => "apbd_share_pct",
            Measure::ApbdTotal => "apbd_total",
            Measure::CostPerWorker => "cost_per_worker",
            Measure::MemberYears => "member_years",
            Measure::DeathsExpected => "deaths_expected",
            Measure::DeathsP05 => "deaths_p05",
            Measure::DeathsP95 => "deaths_p95",
            Measure::JkmDeaths => "jkm_deaths",
            Measure::JkkDeaths => "jkk_deaths",
            Measure::DeathBenefits => "death_benefits",
            Measure::AccidentClaims => "accident_claims",
            Measure::AccidentBenefits => "accident_benefits",
            Measure::BenefitsPaid => "benefits_paid",
            Measure::ScholarshipsPaid => "scholarships_paid",
            Measure::BenefitsPerRupiah => "benefits_per_rupiah",
            Measure::BenefitsPerApbdRupiah => "benefits_per_apbd_rupiah",
        };
        id.to_owned()
    }

    /// The column's header in `lang`.
    pub fn header(self, lang: Lang) -> String {
        let key = match self {
            Measure::Year => "cli.col.year",
            Measure::Pool => "cli.col.pool",
            Measure::EnrolledAvg => "cli.col.enrolled_avg",
            Measure::EnrolledEnd => "cli.col.enrolled_end",
            Measure::EnrolledNew => "cli.col.enrolled_new",
            Measure::EnrolledCut => "cli.col.enrolled_cut",
            Measure::EnrolledAgedOut => "cli.col.enrolled_aged_out",
            Measure::Coverage => "cli.col.coverage",
            Measure::Ucj => "cli.col.ucj",
            Measure::Employed => "cli.col.employed",
            Measure::CoveredOther => "cli.col.covered_other",
            Measure::Budget => "cli.col.budget",
            Measure::Unspent => "cli.col.unspent",
            Measure::CostTotal => "cli.col.cost",
            Measure::Payer(payer) => return lang.tr(&format!("ui.payer.{}", payer.id())),
            Measure::CostJkk => "cli.col.cost_jkk",
            Measure::CostJkm => "cli.col.cost_jkm",
            Measure::CostJht => "cli.col.cost_jht",
            Measure::UnpaidByPayers => "cli.col.unpaid_by_payers",
            Measure::ApbdShare => "cli.col.apbd_share",
            Measure::ApbdTotal => "cli.col.apbd_total",
            Measure::CostPerWorker => "cli.col.cost_per_worker",
            Measure::MemberYears => "cli.col.member_years",
            Measure::DeathsExpected => "cli.col.deaths_mean",
            Measure::DeathsP05 => "cli.col.deaths_p05",
            Measure::DeathsP95 => "cli.col.deaths_p95",
            Measure::JkmDeaths => "cli.col.jkm_deaths",
            Measure::JkkDeaths => "cli.col.jkk_deaths",
            Measure::DeathBenefits => "cli.col.death_benefits",
            Measure::AccidentClaims => "cli.col.accident_claims",
            Measure::AccidentBenefits => "cli.col.accident_benefits",
            Measure::BenefitsPaid => "cli.col.benefits",
            Measure::ScholarshipsPaid => "cli.col.scholarships",
            Measure::BenefitsPerRupiah => "cli.col.benefits_per_rupiah",
            Measure::BenefitsPerApbdRupiah => "cli.col.benefits_per_apbd_rupiah",
        };
        lang.tr(key)
    }

    pub fn unit(self) -> Unit {
        match self {
            Measure::Year => Unit::Year,
            Measure::Pool
            | Measure::EnrolledEnd
            | Measure::EnrolledNew
            | Measure::EnrolledCut
            | Measure::EnrolledAgedOut => Unit::Count,
            Measure::EnrolledAvg
            | Measure::Employed
            | Measure::CoveredOther
            | Measure::MemberYears
            | Measure::DeathsP05
            | Measure::DeathsP95
            | Measure::AccidentClaims => Unit::People,
            Measure::Coverage | Measure::Ucj | Measure::ApbdShare => Unit::Percent,
            Measure::Budget
            | Measure::Unspent
            | Measure::CostTotal
            | Measure::Payer(_)
            | Measure::CostJkk
            | Measure::CostJkm
            | Measure::CostJht
            | Measure::UnpaidByPayers
            | Measure::ApbdTotal
            | Measure::CostPerWorker
            | Measure::DeathBenefits
            | Measure::AccidentBenefits
            | Measure::BenefitsPaid
            | Measure::ScholarshipsPaid => Unit::Rupiah,
            Measure::DeathsExpected | Measure::JkmDeaths | Measure::JkkDeaths => Unit::Deaths,
            Measure::BenefitsPerRupiah | Measure::BenefitsPerApbdRupiah => Unit::Ratio,
        }
    }

    /// The figure in row `r`.
    pub fn value(self, r: &YearResult) -> Value {
        match self {
            Measure::Year => Value::Int(r.year.into()),
            Measure::Pool => Value::Int(r.pool),
            Measure::EnrolledAvg => Value::Real(r.enrolled_avg),
            Measure::EnrolledEnd => Value::Int(r.enrolled_end),
            Measure::EnrolledNew => Value::Int(r.enrolled_new),
            Measure::EnrolledCut => Value::Int(r.enrolled_cut),
            Measure::EnrolledAgedOut => Value::Int(r.enrolled_aged_out),
            Measure::Coverage => Value::Real(r.coverage_pct()),
            Measure::Ucj => Value::Real(r.ucj_pct()),
            Measure::Employed => Value::Real(r.employed),
            Measure::CoveredOther => Value::Real(r.covered_other),
            Measure::Budget => r.budget.map_or(Value::Missing, Value::Int),
            Measure::Unspent => r.unspent().map_or(Value::Missing, Value::Int),
            Measure::CostTotal => Value::Int(r.cost_total),
            Measure::Payer(payer) => Value::Int(r.cost_of(payer)),
            Measure::CostJkk => Value::Int(r.cost_jkk),
            Measure::CostJkm => Value::Int(r.cost_jkm),
            Measure::CostJht => Value::Int(r.cost_jht),
            Measure::UnpaidByPayers => Value::Int(
                r.unpaid_by_payer
                    .iter()
                    .fold(0_i64, |sum, v| sum.saturating_add(*v)),
            ),
            Measure::ApbdShare => Value::from_option(r.apbd_share_pct()),
            Measure::ApbdTotal => Value::from_option(r.apbd_total),
            Measure::CostPerWorker => Value::Real(r.cost_per_worker()),
            Measure::MemberYears => Value::Real(r.member_years),
            Measure::DeathsExpected => Value::Real(r.deaths_expected),
            Measure::DeathsP05 => Value::Real(r.deaths_range().0),
            Measure::DeathsP95 => Value::Real(r.deaths_range().1),
            Measure::JkmDeaths => Value::Real(r.jkm_deaths),
            Measure::JkkDeaths => Value::Real(r.jkk_deaths),
            Measure::DeathBenefits => Value::Real(r.death_benefits),
            Measure::AccidentClaims => Value::Real(r.accident_claims),
            Measure::AccidentBenefits => Value::Real(r.accident_benefits),
            Measure::BenefitsPaid => Value::Real(r.benefits_paid()),
            Measure::ScholarshipsPaid => Value::Real(r.scholarships_paid),
            Measure::BenefitsPerRupiah => Value::Real(r.benefits_per_rupiah()),
            Measure::BenefitsPerApbdRupiah => Value::from_option(r.benefits_per_apbd_rupiah()),
        }
    }

    /// Decimals in a CSV file (a contract like the names).
    pub fn csv_decimals(self) -> i32 {
        match self {
            Measure::ApbdShare | Measure::BenefitsPerRupiah | Measure::BenefitsPerApbdRupiah => 6,
            Measure::EnrolledAvg
            | Measure::Coverage
            | Measure::Ucj
            | Measure::MemberYears
            | Measure::DeathsExpected
            | Measure::JkmDeaths
            | Measure::JkkDeaths
            | Measure::AccidentClaims => 4,
            _ => 0,
        }
    }

    /// Decimals when copied into a spreadsheet by hand: whole people and Rupiah, shares and
    /// deaths to two places.
    pub fn sheet_decimals(self) -> i32 {
        match self.unit() {
            Unit::Percent | Unit::Deaths | Unit::Ratio => 2,
            Unit::Year | Unit::Count | Unit::People | Unit::Rupiah => 0,
        }
    }

    /// Whether the figure of several years is their sum (money, deaths, benefits; the share
    /// of APBD is recomputed from sums), so a horizon row shows it; a year-end count or a
    /// share of the pool is not.
    pub fn adds_up(self) -> bool {
        !matches!(
            self,
            Measure::Pool
                | Measure::EnrolledAvg
                | Measure::EnrolledEnd
                | Measure::Coverage
                | Measure::Ucj
                | Measure::Employed
                | Measure::CoveredOther
        )
    }
}

/// How a table's cells are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// On screen: Rupiah in full, deaths with their 90% range where the column asks for it.
    Screen,
    /// In a terminal: Rupiah as a planner says it (Rp2,02 miliar).
    Short,
    /// Plain numbers with the language's decimal mark, for pasting into a spreadsheet.
    Sheet,
}

/// What a column of deaths shows besides (or instead of) the expected number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shows {
    /// The measure's value.
    Value,
    /// The expected number with its 90% range, "12,3 (6–19)", on screen; elsewhere the
    /// expected number alone.
    ValueAndRange,
    /// The 90% range alone, "6–19".
    Range,
}

/// A column of a year table as shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub measure: Measure,
    pub header: String,
    pub shows: Shows,
}

impl Column {
    pub fn new(measure: Measure, lang: Lang) -> Self {
        Self {
            measure,
            header: measure.header(lang),
            shows: Shows::Value,
        }
    }

    /// The expected deaths with their 90% range, on screen.
    pub fn deaths_with_range(lang: Lang) -> Self {
        Self {
            measure: Measure::DeathsExpected,
            header: lang.tr("cli.col.deaths"),
            shows: Shows::ValueAndRange,
        }
    }

    /// The 90% range of deaths, "6–19".
    pub fn deaths_range(lang: Lang) -> Self {
        Self {
            measure: Measure::DeathsExpected,
            header: lang.tr("cli.col.deaths_range"),
            shows: Shows::Range,
        }
    }

    /// Row `r`'s cell in `style`.
    pub fn cell(&self, r: &YearResult, style: Style, lang: Lang) -> String {
        let value = self.measure.value(r);
        let unit = self.measure.unit();
        let range = || {
            let (low, high) = r.deaths_range();
            format!(
                "{}–{}",
                format::people(low, lang),
                format::people(high, lang)
            )
        };
        match (style, self.shows) {
            (_, Shows::Range) => range(),
            (Style::Sheet, _) => value.plain(self.measure.sheet_decimals(), decimal_mark(lang)),
            (Style::Short, _) => value.shown(unit, true, lang),
            (Style::Screen, Shows::ValueAndRange) => {
                format!("{} ({})", value.shown(unit, false, lang), range())
            }
            (Style::Screen, Shows::Value) => value.shown(unit, false, lang),
        }
    }
}

/// The language's decimal mark in plain numbers.
pub fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::Id => ',',
        Lang::En => '.',
    }
}

/// A year table: its columns (the year first), a row per year and, for more than one year,
/// the horizon row that adds up what adds up.
#[derive(Clone, Debug)]
pub struct YearTable<'a> {
    pub columns: Vec<Column>,
    pub rows: &'a [YearResult],
    pub horizon: Option<(String, YearResult)>,
}

impl<'a> YearTable<'a> {
    pub fn new(measures: &[Measure], rows: &'a [YearResult], lang: Lang) -> Self {
        let columns = measures.iter().map(|m| Column::new(*m, lang)).collect();
        Self::with_columns(columns, rows, lang)
    }

    pub fn with_columns(columns: Vec<Column>, rows: &'a [YearResult], lang: Lang) -> Self {
        let horizon = match (rows.first(), rows.last()) {
            (Some(first), Some(last)) if rows.len() > 1 => Some((
                lang.tr_args(
                    "ui.table.horizon_row",
                    &[
                        ("from", first.year.to_string()),
                        ("to", last.year.to_string()),
                    ],
                ),
                crate::model::Projection::horizon_sum(rows),
            )),
            _ => None,
        };
        Self {
            columns,
            rows,
            horizon,
        }
    }

    /// The screen's columns: everything a planner reads per year; the budget only in the
    /// budget-cap direction, a payer or programme only when it pays something.
    pub fn screen(rows: &'a [YearResult], direction: Direction, lang: Lang) -> Self {
        let mut measures = vec![
            Measure::Year,
            Measure::Pool,
            Measure::EnrolledAvg,
            Measure::EnrolledEnd,
            Measure::Coverage,
            Measure::Ucj,
        ];
        if direction == Direction::BudgetCap {
            measures.push(Measure::Budget);
        }
        measures.push(Measure::CostTotal);
        measures.extend(paying(rows, Measure::payers()));
        measures.extend(paying(rows, Measure::PROGRAMMES));
        measures.extend([
            Measure::ApbdShare,
            Measure::DeathsExpected,
            Measure::BenefitsPaid,
            Measure::ScholarshipsPaid,
        ]);
        let mut table = Self::new(&measures, rows, lang);
        for column in &mut table.columns {
            if column.measure == Measure::DeathsExpected {
                *column = Column::deaths_with_range(lang);
            }
        }
        table
    }

    /// The horizon row's cell of column `index`: its label first, then what adds up.
    pub fn horizon_cell(&self, index: usize, style: Style, lang: Lang) -> Option<String> {
        let (label, sum) = self.horizon.as_ref()?;
        let column = self.columns.get(index)?;
        Some(if index == 0 {
            label.clone()
        } else if column.measure.adds_up() {
            column.cell(sum, style, lang)
        } else {
            String::new()
        })
    }

    /// Every cell in `style`: the header row, a row per year, then the horizon row. Off
    /// screen, a column of deaths with their range holds the expected number only, and says
    /// so.
    pub fn cells(&self, style: Style, lang: Lang) -> Vec<Vec<String>> {
        let header = self
            .columns
            .iter()
            .map(|c| match (style, c.shows) {
                (Style::Sheet | Style::Short, Shows::ValueAndRange) => c.measure.header(lang),
                _ => c.header.clone(),
            })
            .collect();
        let mut cells = vec![header];
        cells.extend(self.rows.iter().map(|r| {
            self.columns
                .iter()
                .map(|c| c.cell(r, style, lang))
                .collect()
        }));
        if self.horizon.is_some() {
            cells.push(
                (0..self.columns.len())
                    .filter_map(|i| self.horizon_cell(i, style, lang))
                    .collect(),
            );
        }
        cells
    }

    /// The table as tab-separated plain numbers, for Excel.
    pub fn to_tsv(&self, lang: Lang) -> String {
        self.cells(Style::Sheet, lang)
            .iter()
            .map(|row| row.join("\t") + "\n")
            .collect()
    }
}

impl Measure {
    /// The cost of each programme (RKA budget lines are written per programme).
    pub const PROGRAMMES: [Measure; 3] = [Measure::CostJkk, Measure::CostJkm, Measure::CostJht];

    /// The cost of each payer.
    pub fn payers() -> impl Iterator<Item = Measure> {
        PayerKind::ALL.into_iter().map(Measure::Payer)
    }
}

/// Of `measures`, those not zero in every row (a payer or a programme that pays something).
pub fn paying(
    rows: &[YearResult],
    measures: impl IntoIterator<Item = Measure>,
) -> impl Iterator<Item = Measure> {
    measures.into_iter().filter(move |m| {
        rows.iter()
            .any(|r| m.value(r).number().is_some_and(|v| v != 0.0))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two years of 1.000 members at Rp16.800 a month: Rp201.600.000 a year each.
    fn rows() -> Vec<YearResult> {
        (2026..2028)
            .map(|year| YearResult {
                year,
                pool: 2_000,
                enrolled_end: 1_000,
                enrolled_avg: 1_000.0,
                cost_total: 201_600_000,
                cost_jkk: 120_000_000,
                cost_jkm: 81_600_000,
                deaths_expected: 1.66,
                ..YearResult::default()
            })
            .collect()
    }

    #[test]
    fn plain_numbers_keep_whole_amounts_exact_and_use_the_decimal_mark() {
        // 2^53 + 1 is not an f64, but a Rupiah total can be it.
        assert_eq!(
            Value::Int(9_007_199_254_740_993).plain(0, '.'),
            "9007199254740993"
        );
        assert_eq!(Value::Real(43.61234).plain(2, ','), "43,61");
        assert_eq!(Value::Real(-0.0001).plain(2, '.'), "0");
        assert_eq!(Value::Missing.plain(2, '.'), "");
        assert_eq!(Value::Missing.shown(Unit::Rupiah, true, Lang::Id), "–");
    }

    #[test]
    fn the_screen_table_shows_paying_programmes_and_a_horizon_row_that_adds_up() {
        let rows = rows();
        let table = YearTable::screen(&rows, Direction::CoverageTarget, Lang::Id);
        let measures: Vec<Measure> = table.columns.iter().map(|c| c.measure).collect();
        // No budget in the coverage direction; JHT pays nothing so has no column.
        assert!(!measures.contains(&Measure::Budget));
        assert!(measures.contains(&Measure::CostJkm) && !measures.contains(&Measure::CostJht));
        let cells = table.cells(Style::Sheet, Lang::Id);
        let cost = measures
            .iter()
            .position(|m| *m == Measure::CostTotal)
            .unwrap_or(0);
        let coverage = measures
            .iter()
            .position(|m| *m == Measure::Coverage)
            .unwrap_or(0);
        // Header, two years, the horizon row: 2 × Rp201.600.000 = Rp403.200.000; coverage
        // (1.000 of 2.000 = 50%) is a year's figure and does not add up.
        assert_eq!(cells.len(), 4);
        assert_eq!(cells[1][coverage], "50");
        assert_eq!(cells[3][0], "Jumlah 2026–2027");
        assert_eq!(cells[3][cost], "403200000");
        assert_eq!(cells[3][coverage], "");
        // On screen the deaths column also gives the 90% range; the copy says it holds the
        // expected number only.
        let deaths = measures
            .iter()
            .position(|m| *m == Measure::DeathsExpected)
            .unwrap_or(0);
        assert_eq!(cells[0][deaths], "Kematian (harapan)");
        assert_eq!(cells[1][deaths], "1,66");
        let shown = table.columns[deaths].cell(&rows[0], Style::Screen, Lang::Id);
        assert!(shown.starts_with("1,7 (") && shown.contains('–'), "{shown}");
    }
}
