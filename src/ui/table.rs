//! The year table, with a button that copies it as tab-separated text for Excel.

use crate::format;
use crate::i18n::Lang;
use crate::model::YearResult;
use crate::model::plan::{Direction, PayerKind};

use egui::RichText;
use egui_extras::{Column as TableColumn, TableBuilder};

use super::editor::payer_name;

/// One column: its header and how a row's value is shown on screen and in the copy.
struct Column {
    header: String,
    /// The header in the copy, when the copy holds less than the screen (the mean of deaths,
    /// not its range).
    copied_header: Option<String>,
    shown: Box<dyn Fn(&YearResult) -> String>,
    /// Plain number for a spreadsheet: no thousands separators, the language's decimal mark.
    copied: Box<dyn Fn(&YearResult) -> String>,
    /// Whether the horizon row shows it: sums (money, deaths, benefits) and the share of APBD
    /// over the horizon; not a figure of the last year or an average.
    sums: bool,
}

fn columns(rows: &[YearResult], direction: Direction, lang: Lang) -> Vec<Column> {
    let plain = move |value: f64, decimals: usize| {
        let text = format!("{value:.decimals$}");
        match lang {
            Lang::Id => text.replace('.', ","),
            Lang::En => text,
        }
    };
    let count_col = |key: &str, value: fn(&YearResult) -> f64| Column {
        header: lang.tr(key),
        copied_header: None,
        shown: Box::new(move |r| format::people(value(r), lang)),
        copied: Box::new(move |r| plain(value(r).round(), 0)),
        sums: false,
    };
    let pct_col = |key: &str, value: fn(&YearResult) -> Option<f64>, sums: bool| Column {
        header: lang.tr(key),
        copied_header: None,
        shown: Box::new(move |r| {
            value(r).map_or_else(|| "–".to_owned(), |v| format::percent(v, lang))
        }),
        copied: Box::new(move |r| value(r).map_or_else(String::new, |v| plain(v, 2))),
        sums,
    };
    let rp_col = |header: String, value: Box<dyn Fn(&YearResult) -> f64>| {
        let value = std::rc::Rc::new(value);
        let for_copy = value.clone();
        Column {
            header,
            copied_header: None,
            shown: Box::new(move |r| format::rupiah(value(r), lang)),
            copied: Box::new(move |r| plain(for_copy(r).round(), 0)),
            sums: true,
        }
    };
    let mut columns = vec![
        Column {
            header: lang.tr("cli.col.year"),
            copied_header: None,
            shown: Box::new(|r| r.year.to_string()),
            copied: Box::new(|r| r.year.to_string()),
            sums: true,
        },
        count_col("cli.col.pool", |r| r.pool as f64),
        count_col("cli.col.enrolled_avg", |r| r.enrolled_avg),
        count_col("cli.col.enrolled_end", |r| r.enrolled_end as f64),
        pct_col("cli.col.coverage", |r| Some(r.coverage_pct()), false),
        pct_col("cli.col.ucj", |r| Some(r.ucj_pct()), false),
    ];
    if direction == Direction::BudgetCap {
        columns.push(rp_col(
            lang.tr("cli.col.budget"),
            Box::new(|r| r.budget.unwrap_or(0) as f64),
        ));
    }
    columns.push(rp_col(
        lang.tr("cli.col.cost"),
        Box::new(|r| r.cost_total as f64),
    ));
    for kind in PayerKind::ALL {
        if rows.iter().any(|r| r.cost_of(kind) != 0) {
            columns.push(rp_col(
                payer_name(kind, lang),
                Box::new(move |r| r.cost_of(kind) as f64),
            ));
        }
    }
    // RKA budget lines are written per programme.
    type Part = fn(&YearResult) -> i64;
    let programmes: [(&str, Part); 3] = [
        ("cli.col.cost_jkk", |r| r.cost_jkk),
        ("cli.col.cost_jkm", |r| r.cost_jkm),
        ("cli.col.cost_jht", |r| r.cost_jht),
    ];
    for (key, value) in programmes {
        if rows.iter().any(|r| value(r) != 0) {
            columns.push(rp_col(lang.tr(key), Box::new(move |r| value(r) as f64)));
        }
    }
    columns.push(pct_col(
        "cli.col.apbd_share",
        YearResult::apbd_share_pct,
        true,
    ));
    columns.push(Column {
        header: lang.tr("cli.col.deaths"),
        copied_header: Some(lang.tr("cli.col.deaths_mean")),
        sums: true,
        shown: Box::new(move |r| {
            format!(
                "{} ({}–{})",
                format::decimal(r.deaths_expected, 1, lang),
                format::decimal(r.deaths_range().0, 0, lang),
                format::decimal(r.deaths_range().1, 0, lang)
            )
        }),
        copied: Box::new(move |r| plain(r.deaths_expected, 2)),
    });
    columns.push(rp_col(
        lang.tr("cli.col.benefits"),
        Box::new(YearResult::benefits_paid),
    ));
    columns.push(rp_col(
        lang.tr("cli.col.scholarships"),
        Box::new(|r| r.scholarships_paid),
    ));
    columns
}

/// How long "copied" shows after the table is copied.
const COPIED_NOTE_SECONDS: f64 = 3.0;

/// The horizon row's label: the years it adds up.
fn horizon_label(rows: &[YearResult], lang: Lang) -> String {
    match (rows.first(), rows.last()) {
        (Some(first), Some(last)) => lang.tr_args(
            "ui.table.horizon_row",
            &[
                ("from", first.year.to_string()),
                ("to", last.year.to_string()),
            ],
        ),
        _ => lang.tr("cli.horizon_row"),
    }
}

/// A horizon-row cell: the label, the column's value where it adds up, else empty.
fn horizon_cell(
    i: usize,
    column: &Column,
    rows: &[YearResult],
    horizon: &YearResult,
    value: &dyn Fn(&YearResult) -> String,
    lang: Lang,
) -> String {
    if i == 0 {
        horizon_label(rows, lang)
    } else if column.sums {
        value(horizon)
    } else {
        String::new()
    }
}

/// The table as tab-separated text: header, one line per year, and the horizon total.
pub fn to_tsv(
    rows: &[YearResult],
    horizon: &YearResult,
    direction: Direction,
    lang: Lang,
) -> String {
    let columns = columns(rows, direction, lang);
    let mut lines = vec![
        columns
            .iter()
            .map(|c| c.copied_header.clone().unwrap_or_else(|| c.header.clone()))
            .collect::<Vec<_>>()
            .join("\t"),
    ];
    for row in rows {
        lines.push(
            columns
                .iter()
                .map(|c| (c.copied)(row))
                .collect::<Vec<_>>()
                .join("\t"),
        );
    }
    let total: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| horizon_cell(i, c, rows, horizon, &c.copied, lang))
        .collect();
    lines.push(total.join("\t"));
    lines.join("\n") + "\n"
}

/// The year table: a row per year and the horizon row, numbers right-aligned; only the rows
/// in view are laid out, and the columns are as wide as their widest cell.
pub fn ui(
    ui: &mut egui::Ui,
    rows: &[YearResult],
    horizon: &YearResult,
    direction: Direction,
    lang: Lang,
) {
    ui.horizontal(|ui| {
        let copied_at = ui.scope_id().with("year_table_copied_at");
        let now = ui.input(|i| i.time);
        if ui
            .button(lang.tr("ui.table.copy"))
            .on_hover_text(lang.tr("ui.table.copy_help"))
            .clicked()
        {
            ui.ctx().copy_text(to_tsv(rows, horizon, direction, lang));
            ui.data_mut(|d| d.insert_temp(copied_at, now));
        }
        // Say that it was copied, for a few seconds.
        if let Some(at) = ui.data(|d| d.get_temp::<f64>(copied_at))
            && now - at < COPIED_NOTE_SECONDS
        {
            ui.label(RichText::new(lang.tr("ui.table.copied")).weak());
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(COPIED_NOTE_SECONDS));
        }
    });
    let columns = columns(rows, direction, lang);
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    egui::ScrollArea::horizontal()
        .id_salt("year_table_wide")
        .show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("year_table")
                .striped(true)
                .cell_layout(egui::Layout::right_to_left(egui::Align::Center))
                // The year column also holds the horizon row's "Jumlah 2026–2030".
                .column(TableColumn::auto().at_least(120.0))
                .columns(
                    TableColumn::auto().at_least(56.0),
                    columns.len().saturating_sub(1),
                )
                .header(row_height * 2.0, |mut header| {
                    for column in &columns {
                        header.col(|ui| {
                            ui.add(
                                egui::Label::new(RichText::new(&column.header).strong())
                                    .wrap_mode(egui::TextWrapMode::Wrap),
                            );
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, rows.len() + 1, |mut row| {
                        let index = row.index();
                        for (i, column) in columns.iter().enumerate() {
                            row.col(|ui| match rows.get(index) {
                                Some(year) => {
                                    ui.label((column.shown)(year));
                                }
                                None => {
                                    let text =
                                        horizon_cell(i, column, rows, horizon, &column.shown, lang);
                                    ui.label(RichText::new(text).strong());
                                }
                            });
                        }
                    });
                });
        });
}
