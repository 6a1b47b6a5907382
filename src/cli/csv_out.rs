//! The CSV contracts of `lindung run`: plain numbers, columns never renamed, new ones only
//! appended.

use std::io::Write;

use crate::model::plan::PayerKind;
use crate::model::{MonthResult, Projection, YearResult};

/// CSV column names: a stable contract for other tools. Never rename; only append.
pub fn csv_header() -> Vec<String> {
    let mut header: Vec<String> = [
        "region",
        "year",
        "pool",
        "enrolled_avg",
        "enrolled_end",
        "coverage_pct",
        "ucj_pct",
        "cost_total",
    ]
    .map(String::from)
    .to_vec();
    header.extend(PayerKind::ALL.iter().map(|p| format!("cost_{}", p.id())));
    header.extend(
        [
            "apbd_share_pct",
            "deaths_expected",
            "benefits_paid",
            "scholarships_paid",
            "code",
            "enrolled_new",
            "employed",
            "covered_other",
            "budget",
            "unspent",
            "apbd_total",
            "cost_per_worker",
            "member_years",
            "deaths_p05",
            "deaths_p95",
            "jkm_deaths",
            "jkk_deaths",
            "death_benefits",
            "accident_claims",
            "accident_benefits",
            "benefits_per_rupiah",
            "enrolled_cut",
            "cost_jkk",
            "cost_jkm",
            "cost_jht",
            "declared_income",
            "benefits_per_apbd_rupiah",
            "unpaid_by_payers",
            "enrolled_aged_out",
        ]
        .map(String::from),
    );
    header
}

/// A plain number for CSV: `.` as decimal point, no separators, rounded to `decimals`.
pub(super) fn plain(value: f64, decimals: i32) -> String {
    let factor = 10_f64.powi(decimals);
    let rounded = (value * factor).round() / factor;
    if rounded == 0.0 {
        "0".to_owned()
    } else {
        format!("{rounded}")
    }
}

fn csv_row(region: &str, code: &str, r: &YearResult, income: Option<i64>) -> Vec<String> {
    let optional = |v: Option<f64>, decimals| v.map_or(String::new(), |v| plain(v, decimals));
    let mut row = vec![
        region.to_owned(),
        r.year.to_string(),
        r.pool.to_string(),
        plain(r.enrolled_avg, 4),
        r.enrolled_end.to_string(),
        plain(r.coverage_pct(), 4),
        plain(r.ucj_pct(), 4),
        r.cost_total.to_string(),
    ];
    row.extend(PayerKind::ALL.iter().map(|p| r.cost_of(*p).to_string()));
    row.extend([
        optional(r.apbd_share_pct(), 6),
        plain(r.deaths_expected, 4),
        plain(r.benefits_paid(), 0),
        plain(r.scholarships_paid, 0),
        code.to_owned(),
        r.enrolled_new.to_string(),
        plain(r.employed, 0),
        plain(r.covered_other, 0),
        r.budget.map_or(String::new(), |b| b.to_string()),
        r.unspent().map_or(String::new(), |u| u.to_string()),
        optional(r.apbd_total, 0),
        plain(r.cost_per_worker(), 0),
        plain(r.member_years, 4),
        plain(r.deaths_range().0, 0),
        plain(r.deaths_range().1, 0),
        plain(r.jkm_deaths, 4),
        plain(r.jkk_deaths, 4),
        plain(r.death_benefits, 0),
        plain(r.accident_claims, 4),
        plain(r.accident_benefits, 0),
        plain(r.benefits_per_rupiah(), 6),
        r.enrolled_cut.to_string(),
        r.cost_jkk.to_string(),
        r.cost_jkm.to_string(),
        r.cost_jht.to_string(),
        income.map_or(String::new(), |i| i.to_string()),
        optional(r.benefits_per_apbd_rupiah(), 6),
        r.unpaid_by_payer
            .iter()
            .fold(0_i64, |sum, v| sum.saturating_add(*v))
            .to_string(),
        r.enrolled_aged_out.to_string(),
    ]);
    row
}

/// One row per region and year, then the TOTAL rows.
pub fn write_csv(projection: &Projection, to: impl Write) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(to);
    writer.write_record(csv_header())?;
    let income = |y: usize| projection.income_by_year.get(y).copied();
    for region in &projection.regions {
        for (y, row) in region.years.iter().enumerate() {
            writer.write_record(csv_row(&region.name, &region.code, row, income(y)))?;
        }
    }
    for (y, row) in projection.total.iter().enumerate() {
        writer.write_record(csv_row("TOTAL", "", row, income(y)))?;
    }
    writer.flush()?;
    Ok(())
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

/// One row per region and month, then the TOTAL rows.
pub fn write_monthly_csv(
    projection: &Projection,
    months: &[Vec<MonthResult>],
    to: impl Write,
) -> Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(to);
    writer.write_record(monthly_csv_header())?;
    let names = projection
        .regions
        .iter()
        .map(|r| (r.name.as_str(), r.code.as_str()))
        .chain(std::iter::once(("TOTAL", "")));
    for ((name, code), rows) in names.zip(months) {
        for m in rows {
            let mut row = vec![
                name.to_owned(),
                m.year.to_string(),
                m.month.to_string(),
                m.members.to_string(),
                m.new.to_string(),
                m.cut.to_string(),
                m.cost_total.to_string(),
            ];
            row.extend(PayerKind::ALL.iter().map(|p| m.cost_of(*p).to_string()));
            row.extend([
                m.cost_jkk.to_string(),
                m.cost_jkm.to_string(),
                m.cost_jht.to_string(),
                plain(m.deaths_expected, 4),
                plain(m.jkm_deaths, 4),
                plain(m.jkk_deaths, 4),
                code.to_owned(),
                m.aged_out.to_string(),
            ]);
            writer.write_record(row)?;
        }
    }
    writer.flush()?;
    Ok(())
}
