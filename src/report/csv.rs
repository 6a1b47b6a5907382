//! The CSV contracts of `lindung run`: plain numbers, columns never renamed, new ones only
//! appended; in two dialects (standard, and the one Excel opens directly on an Indonesian
//! Windows PC).

use std::io::Write;

use crate::model::plan::PayerKind;
use crate::model::{MonthResult, Projection};

use super::table::{Measure, Value};

/// How a CSV file is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dialect {
    /// `,` between fields, `.` as decimal point, no byte-order mark: for programs.
    #[default]
    Standard,
    /// `;` between fields, decimal comma, UTF-8 with a byte-order mark: what Excel with
    /// Indonesian regional settings opens by double-click, with names spelled right.
    Indonesia,
}

impl Dialect {
    fn delimiter(self) -> u8 {
        match self {
            Dialect::Standard => b',',
            Dialect::Indonesia => b';',
        }
    }

    pub fn decimal_mark(self) -> char {
        match self {
            Dialect::Standard => '.',
            Dialect::Indonesia => ',',
        }
    }

    /// A CSV writer in this dialect (the byte-order mark written first).
    pub fn writer<W: Write>(self, mut to: W) -> Result<csv::Writer<W>, csv::Error> {
        if self == Dialect::Indonesia {
            to.write_all("\u{feff}".as_bytes())?;
        }
        Ok(csv::WriterBuilder::new()
            .delimiter(self.delimiter())
            .from_writer(to))
    }
}

/// A field of the yearly CSV: a figure of the year, or what the row is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Region,
    Code,
    DeclaredIncome,
    Measure(Measure),
}

/// The yearly CSV's fields in their contract order.
fn fields() -> Vec<Field> {
    use Measure as M;
    let mut fields = vec![Field::Region];
    fields.extend(
        [
            M::Year,
            M::Pool,
            M::EnrolledAvg,
            M::EnrolledEnd,
            M::Coverage,
            M::Ucj,
            M::CostTotal,
        ]
        .map(Field::Measure),
    );
    fields.extend(Measure::payers().map(Field::Measure));
    fields.extend(
        [
            M::ApbdShare,
            M::DeathsExpected,
            M::BenefitsPaid,
            M::ScholarshipsPaid,
        ]
        .map(Field::Measure),
    );
    fields.push(Field::Code);
    fields.extend(
        [
            M::EnrolledNew,
            M::Employed,
            M::CoveredOther,
            M::Budget,
            M::Unspent,
            M::ApbdTotal,
            M::CostPerWorker,
            M::MemberYears,
            M::DeathsP05,
            M::DeathsP95,
            M::JkmDeaths,
            M::JkkDeaths,
            M::DeathBenefits,
            M::AccidentClaims,
            M::AccidentBenefits,
            M::BenefitsPerRupiah,
            M::EnrolledCut,
            M::CostJkk,
            M::CostJkm,
            M::CostJht,
        ]
        .map(Field::Measure),
    );
    fields.push(Field::DeclaredIncome);
    fields.extend(
        [
            M::BenefitsPerApbdRupiah,
            M::UnpaidByPayers,
            M::EnrolledAgedOut,
        ]
        .map(Field::Measure),
    );
    fields
}

/// CSV column names: a stable contract for other tools. Never rename; only append.
pub fn csv_header() -> Vec<String> {
    fields()
        .into_iter()
        .map(|field| match field {
            Field::Region => "region".to_owned(),
            Field::Code => "code".to_owned(),
            Field::DeclaredIncome => "declared_income".to_owned(),
            Field::Measure(m) => m.csv_id(),
        })
        .collect()
}

/// A scenario's rows in a CSV file that holds several: the `scenario` column's value.
pub type ScenarioName<'a> = Option<&'a str>;

/// Writes the yearly CSV of one or several projections. With names, a `scenario` column
/// comes first; then one row per region and year, then the TOTAL rows, per scenario.
pub fn write_csv_of(
    projections: &[(ScenarioName<'_>, &Projection)],
    dialect: Dialect,
    to: impl Write,
) -> Result<(), csv::Error> {
    let named = projections.iter().any(|(name, _)| name.is_some());
    let fields = fields();
    let mut writer = dialect.writer(to)?;
    let mut header = csv_header();
    if named {
        header.insert(0, "scenario".to_owned());
    }
    writer.write_record(header)?;
    let mark = dialect.decimal_mark();
    for (name, projection) in projections {
        let income = |y: usize| {
            projection
                .income_by_year
                .get(y)
                .map_or(Value::Missing, |i| Value::Int(*i))
        };
        let regions = projection
            .regions
            .iter()
            .map(|r| (r.name.as_str(), r.code.as_str(), &r.years));
        let rows = regions.chain(std::iter::once(("TOTAL", "", &projection.total)));
        for (region, code, years) in rows {
            for (y, row) in years.iter().enumerate() {
                let cells = fields.iter().map(|field| match field {
                    Field::Region => region.to_owned(),
                    Field::Code => code.to_owned(),
                    Field::DeclaredIncome => income(y).plain(0, mark),
                    Field::Measure(m) => m.value(row).plain(m.csv_decimals(), mark),
                });
                if named {
                    let name = name.unwrap_or_default().to_owned();
                    writer.write_record(std::iter::once(name).chain(cells))?;
                } else {
                    writer.write_record(cells)?;
                }
            }
        }
    }
    writer.flush()?;
    Ok(())
}

/// One row per region and year, then the TOTAL rows, in the standard dialect.
pub fn write_csv(projection: &Projection, to: impl Write) -> Result<(), csv::Error> {
    write_csv_of(&[(None, projection)], Dialect::Standard, to)
}

/// Monthly CSV columns: a contract like the yearly one (never renamed, only appended).
pub fn monthly_csv_header() -> Vec<String> {
    let mut header: Vec<String> = [
        "region",
        "year",
        "month",
        "members",
        "new",
        "cut",
        "cost_total",
    ]
    .map(String::from)
    .to_vec();
    header.extend(PayerKind::ALL.iter().map(|p| format!("cost_{}", p.id())));
    header.extend(
        [
            "cost_jkk",
            "cost_jkm",
            "cost_jht",
            "deaths_expected",
            "jkm_deaths",
            "jkk_deaths",
            "code",
            "aged_out",
        ]
        .map(String::from),
    );
    header
}

/// One row per region and month, then the TOTAL rows; with names, a `scenario` column
/// first and the rows of each scenario in turn.
pub fn write_monthly_csv_of(
    scenarios: &[(ScenarioName<'_>, &Projection, &[Vec<MonthResult>])],
    dialect: Dialect,
    to: impl Write,
) -> Result<(), csv::Error> {
    let named = scenarios.iter().any(|(name, _, _)| name.is_some());
    let mut writer = dialect.writer(to)?;
    let mut header = monthly_csv_header();
    if named {
        header.insert(0, "scenario".to_owned());
    }
    writer.write_record(header)?;
    let mark = dialect.decimal_mark();
    let real = |v: f64| Value::Real(v).plain(4, mark);
    for (scenario, projection, months) in scenarios {
        let names = projection
            .regions
            .iter()
            .map(|r| (r.name.as_str(), r.code.as_str()))
            .chain(std::iter::once(("TOTAL", "")));
        for ((name, code), rows) in names.zip(months.iter()) {
            for m in rows {
                let mut row = Vec::new();
                if named {
                    row.push(scenario.unwrap_or_default().to_owned());
                }
                row.extend([
                    name.to_owned(),
                    m.year.to_string(),
                    m.month.to_string(),
                    m.members.to_string(),
                    m.new.to_string(),
                    m.cut.to_string(),
                    m.cost_total.to_string(),
                ]);
                row.extend(PayerKind::ALL.iter().map(|p| m.cost_of(*p).to_string()));
                row.extend([
                    m.cost_jkk.to_string(),
                    m.cost_jkm.to_string(),
                    m.cost_jht.to_string(),
                    real(m.deaths_expected),
                    real(m.jkm_deaths),
                    real(m.jkk_deaths),
                    code.to_owned(),
                    m.aged_out.to_string(),
                ]);
                writer.write_record(row)?;
            }
        }
    }
    writer.flush()?;
    Ok(())
}

/// One row per region and month, then the TOTAL rows, in the standard dialect.
pub fn write_monthly_csv(
    projection: &Projection,
    months: &[Vec<MonthResult>],
    to: impl Write,
) -> Result<(), csv::Error> {
    write_monthly_csv_of(&[(None, projection, months)], Dialect::Standard, to)
}
