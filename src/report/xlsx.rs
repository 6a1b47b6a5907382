//! The scenario as an Excel workbook: a summary sheet, the year table of every region and
//! the total, the months, and every assumption with its source. Numbers are numbers (with
//! Rupiah, percent and count formats that Excel shows in the reader's own style), so a
//! planner can add them up and chart them without retyping.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use crate::i18n::Lang;
use crate::model::plan::{PayerKind, Plan, RuleSet};
use crate::model::{MonthResult, Projection};

use super::findings::Findings;
use super::inputs::{Cell, inputs};
use super::table::{Measure, Unit, Value};

/// The figures of the year sheet, after region, code and year.
fn year_measures() -> Vec<Measure> {
    use Measure as M;
    let mut measures = vec![
        M::Pool,
        M::EnrolledAvg,
        M::EnrolledEnd,
        M::EnrolledNew,
        M::EnrolledCut,
        M::EnrolledAgedOut,
        M::Coverage,
        M::Ucj,
        M::Budget,
        M::Unspent,
        M::CostTotal,
    ];
    measures.extend(Measure::payers());
    measures.extend(Measure::PROGRAMMES);
    measures.extend([
        M::UnpaidByPayers,
        M::ApbdShare,
        M::ApbdTotal,
        M::CostPerWorker,
        M::MemberYears,
        M::DeathsExpected,
        M::DeathsP05,
        M::DeathsP95,
        M::JkmDeaths,
        M::JkkDeaths,
        M::DeathBenefits,
        M::AccidentClaims,
        M::AccidentBenefits,
        M::ScholarshipsPaid,
        M::BenefitsPaid,
        M::BenefitsPerRupiah,
        M::BenefitsPerApbdRupiah,
    ]);
    measures
}

/// Cell formats, made once per workbook.
struct Formats {
    header: Format,
    title: Format,
    wrap: Format,
    rupiah: Format,
    count: Format,
    decimal: Format,
    percent: Format,
    ratio: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            title: Format::new().set_bold().set_font_size(14),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            rupiah: Format::new().set_num_format("\"Rp\"#,##0"),
            count: Format::new().set_num_format("#,##0"),
            decimal: Format::new().set_num_format("#,##0.0"),
            // Shares are stored as percent figures (43.6 for 43,6%), as the CSV has them.
            percent: Format::new().set_num_format("0.00\" %\""),
            ratio: Format::new().set_num_format("0.00"),
        }
    }

    fn of(&self, unit: Unit) -> Option<&Format> {
        match unit {
            Unit::Year => None,
            Unit::Count | Unit::People => Some(&self.count),
            Unit::Percent => Some(&self.percent),
            Unit::Rupiah => Some(&self.rupiah),
            Unit::Deaths => Some(&self.decimal),
            Unit::Ratio => Some(&self.ratio),
        }
    }
}

/// A value into a cell: a number with its unit's format, or nothing when missing.
fn write_value(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    value: Value,
    unit: Unit,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let Some(number) = value.number() else {
        return Ok(());
    };
    match formats.of(unit) {
        Some(format) => sheet.write_number_with_format(row, col, number, format)?,
        None => sheet.write_number(row, col, number)?,
    };
    Ok(())
}

/// The workbook of `plan` and its projection, in `lang`, as the bytes of an .xlsx file.
pub fn workbook(
    plan: &Plan,
    projection: &Projection,
    months: &[Vec<MonthResult>],
    rules: &RuleSet,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = Formats::new();
    summary_sheet(book.add_worksheet(), plan, projection, lang, &formats)?;
    years_sheet(book.add_worksheet(), projection, lang, &formats)?;
    months_sheet(book.add_worksheet(), projection, months, lang, &formats)?;
    assumptions_sheet(book.add_worksheet(), plan, rules, lang, &formats)?;
    book.save_to_buffer()
}

fn summary_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    projection: &Projection,
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.tr("xlsx.sheet.summary"))?;
    sheet.set_column_width(0, 110)?;
    let meta = &plan.meta;
    sheet.write_string_with_format(0, 0, meta.title.trim(), &formats.title)?;
    sheet.write_string(1, 0, format!("{} ({})", meta.region_name.trim(), meta.code))?;
    let mut row = 3;
    if let Some(findings) = Findings::of(plan, projection, None) {
        let lines = std::iter::once(findings.summary(lang))
            .chain(findings.ucj_sentence(lang))
            .chain([findings.leverage_sentence(lang)])
            .chain(findings.scholarships_sentence(lang));
        for line in lines {
            sheet.write_string_with_format(row, 0, line, &formats.wrap)?;
            row += 1;
        }
    }
    Ok(())
}

fn years_sheet(
    sheet: &mut Worksheet,
    projection: &Projection,
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.tr("xlsx.sheet.years"))?;
    let measures = year_measures();
    let mut header = vec![
        lang.tr("xlsx.col.region"),
        lang.tr("xlsx.col.code"),
        lang.tr("cli.col.year"),
    ];
    header.extend(measures.iter().map(|m| m.header(lang)));
    for (col, text) in (0_u16..).zip(&header) {
        sheet.write_string_with_format(0, col, text, &formats.header)?;
    }
    let total = lang.tr("cli.total");
    let blocks = projection
        .regions
        .iter()
        .map(|r| (r.name.as_str(), r.code.as_str(), &r.years))
        .chain(std::iter::once((total.as_str(), "", &projection.total)));
    let mut row = 1_u32;
    for (name, code, years) in blocks {
        for year in years {
            sheet.write_string(row, 0, name)?;
            sheet.write_string(row, 1, code)?;
            sheet.write_number(row, 2, year.year)?;
            for (col, measure) in (3_u16..).zip(&measures) {
                write_value(
                    sheet,
                    (row, col),
                    measure.value(year),
                    measure.unit(),
                    formats,
                )?;
            }
            row += 1;
        }
    }
    finish_table(sheet, row, header.len())
}

fn months_sheet(
    sheet: &mut Worksheet,
    projection: &Projection,
    months: &[Vec<MonthResult>],
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.tr("xlsx.sheet.months"))?;
    let mut header: Vec<String> = [
        "xlsx.col.region",
        "xlsx.col.code",
        "cli.col.year",
        "cli.col.month",
        "cli.col.members",
        "cli.col.new",
        "cli.col.cut",
        "cli.col.cost",
    ]
    .iter()
    .map(|k| lang.tr(k))
    .collect();
    header.extend(
        PayerKind::ALL
            .iter()
            .map(|p| Measure::Payer(*p).header(lang)),
    );
    header.extend(
        [
            "cli.col.cost_jkk",
            "cli.col.cost_jkm",
            "cli.col.cost_jht",
            "cli.col.deaths_mean",
        ]
        .iter()
        .map(|k| lang.tr(k)),
    );
    for (col, text) in (0_u16..).zip(&header) {
        sheet.write_string_with_format(0, col, text, &formats.header)?;
    }
    let total = lang.tr("cli.total");
    let names = projection
        .regions
        .iter()
        .map(|r| (r.name.as_str(), r.code.as_str()))
        .chain(std::iter::once((total.as_str(), "")));
    let mut row = 1_u32;
    for ((name, code), rows) in names.zip(months) {
        for m in rows {
            sheet.write_string(row, 0, name)?;
            sheet.write_string(row, 1, code)?;
            sheet.write_number(row, 2, m.year)?;
            sheet.write_number(row, 3, m.month)?;
            let mut figures: Vec<(Value, Unit)> = vec![
                (Value::Int(m.members), Unit::Count),
                (Value::Int(m.new), Unit::Count),
                (Value::Int(m.cut), Unit::Count),
                (Value::Int(m.cost_total), Unit::Rupiah),
            ];
            figures.extend(
                PayerKind::ALL
                    .iter()
                    .map(|p| (Value::Int(m.cost_of(*p)), Unit::Rupiah)),
            );
            figures.extend([
                (Value::Int(m.cost_jkk), Unit::Rupiah),
                (Value::Int(m.cost_jkm), Unit::Rupiah),
                (Value::Int(m.cost_jht), Unit::Rupiah),
                (Value::Real(m.deaths_expected), Unit::Deaths),
            ]);
            for (col, (value, unit)) in (4_u16..).zip(figures) {
                write_value(sheet, (row, col), value, unit, formats)?;
            }
            row += 1;
        }
    }
    finish_table(sheet, row, header.len())
}

/// A filter on the header and the header kept in view.
fn finish_table(sheet: &mut Worksheet, rows: u32, columns: usize) -> Result<(), XlsxError> {
    let last_column = u16::try_from(columns.saturating_sub(1)).unwrap_or(u16::MAX);
    sheet.autofilter(0, 0, rows.saturating_sub(1).max(1), last_column)?;
    sheet.set_freeze_panes(1, 0)?;
    for col in 0..=last_column {
        sheet.set_column_width(col, if col == 0 { 28 } else { 16 })?;
    }
    sheet.set_row_height(0, 45)?;
    Ok(())
}

fn assumptions_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    rules: &RuleSet,
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(lang.tr("xlsx.sheet.assumptions"))?;
    let header = [
        lang.tr("cli.diff.col.place"),
        lang.tr("xlsx.col.value"),
        lang.tr("ui.source"),
        lang.tr("xlsx.col.field"),
    ];
    for (col, text) in (0_u16..).zip(&header) {
        sheet.write_string_with_format(0, col, text, &formats.header)?;
    }
    let mut row = 1_u32;
    for input in inputs(plan, lang) {
        sheet.write_string_with_format(row, 0, &input.place, &formats.wrap)?;
        match &input.value {
            Cell::Value(serde_json::Value::Number(n)) => {
                sheet.write_number(row, 1, n.as_f64().unwrap_or_default())?;
            }
            other => {
                sheet.write_string_with_format(row, 1, other.text(lang), &formats.wrap)?;
            }
        }
        sheet.write_string_with_format(row, 2, &input.source, &formats.wrap)?;
        sheet.write_string(row, 3, &input.path)?;
        row += 1;
    }
    // The rule set in force: contributions and benefits with the regulation they come from.
    row += 1;
    sheet.write_string_with_format(
        row,
        0,
        format!("{} — {}", rules.title, rules.source),
        &formats.header,
    )?;
    row += 1;
    for period in &rules.periods {
        let from = format!("{}-{:02}", period.from.year, period.from.month);
        let figures: [(&str, f64, &Format); 5] = [
            ("place.jkk_pct", period.jkk_pct, &formats.ratio),
            (
                "place.jkm_per_month",
                period.jkm_per_month as f64,
                &formats.rupiah,
            ),
            (
                "place.jkm_death_benefit",
                period.jkm_death_benefit as f64,
                &formats.rupiah,
            ),
            (
                "place.funeral_benefit",
                period.funeral_benefit as f64,
                &formats.rupiah,
            ),
            ("place.jht_pct", period.jht_pct, &formats.ratio),
        ];
        for (key, value, format) in figures {
            sheet.write_string(
                row,
                0,
                format!("{} › {} {from}", lang.tr(key), lang.tr("place.period_from")),
            )?;
            sheet.write_number_with_format(row, 1, value, format)?;
            sheet.write_string_with_format(row, 2, &period.note, &formats.wrap)?;
            row += 1;
        }
    }
    sheet.set_column_width(0, 48)?;
    sheet.set_column_width(1, 18)?;
    sheet.set_column_width(2, 60)?;
    sheet.set_column_width(3, 36)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
