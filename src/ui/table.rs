//! The year table, with a button that copies it as tab-separated text for Excel.

use crate::format;
use crate::i18n::Lang;
use crate::model::YearResult;
use crate::model::plan::{Direction, PayerKind};

use super::editor::payer_name;

/// One column: its header and how a row's value is shown on screen and in the copy.
struct Column {
    header: String,
    shown: Box<dyn Fn(&YearResult) -> String>,
    /// Plain number for a spreadsheet: no thousands separators, the language's decimal mark.
    copied: Box<dyn Fn(&YearResult) -> String>,
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
        shown: Box::new(move |r| format::people(value(r), lang)),
        copied: Box::new(move |r| plain(value(r).round(), 0)),
    };
    let pct_col = |key: &str, value: fn(&YearResult) -> Option<f64>| Column {
        header: lang.tr(key),
        shown: Box::new(move |r| {
            value(r).map_or_else(|| "–".to_owned(), |v| format::percent(v, lang))
        }),
        copied: Box::new(move |r| value(r).map_or_else(String::new, |v| plain(v, 2))),
    };
    let rp_col = |header: String, value: Box<dyn Fn(&YearResult) -> f64>| {
        let value = std::rc::Rc::new(value);
        let for_copy = value.clone();
        Column {
            header,
            shown: Box::new(move |r| format::rupiah(value(r), lang)),
            copied: Box::new(move |r| plain(for_copy(r).round(), 0)),
        }
    };
    let mut columns = vec![
        Column {
            header: lang.tr("cli.col.year"),
            shown: Box::new(|r| r.year.to_string()),
            copied: Box::new(|r| r.year.to_string()),
        },
        count_col("cli.col.pool", |r| r.pool as f64),
        count_col("cli.col.enrolled_avg", |r| r.enrolled_avg),
        count_col("cli.col.enrolled_end", |r| r.enrolled_end as f64),
        pct_col("cli.col.coverage", |r| Some(r.coverage_pct())),
        pct_col("cli.col.ucj", |r| Some(r.ucj_pct())),
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
    columns.push(pct_col("cli.col.apbd_share", YearResult::apbd_share_pct));
    columns.push(Column {
        header: lang.tr("cli.col.deaths"),
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
            .map(|c| c.header.clone())
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
    let mut total: Vec<String> = columns.iter().map(|c| (c.copied)(horizon)).collect();
    if let Some(first) = total.first_mut() {
        *first = lang.tr("cli.horizon_row");
    }
    lines.push(total.join("\t"));
    lines.join("\n") + "\n"
}

pub fn ui(
    ui: &mut egui::Ui,
    rows: &[YearResult],
    horizon: &YearResult,
    direction: Direction,
    lang: Lang,
) {
    if ui
        .button(lang.tr("ui.table.copy"))
        .on_hover_text(lang.tr("ui.table.copy_help"))
        .clicked()
    {
        ui.ctx().copy_text(to_tsv(rows, horizon, direction, lang));
    }
    let columns = columns(rows, direction, lang);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("year_table")
                .striped(true)
                .num_columns(columns.len())
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    for (i, column) in columns.iter().enumerate() {
                        cell_ui(ui, i, egui::RichText::new(&column.header).strong());
                    }
                    ui.end_row();
                    for row in rows {
                        for (i, column) in columns.iter().enumerate() {
                            cell_ui(ui, i, egui::RichText::new((column.shown)(row)));
                        }
                        ui.end_row();
                    }
                    for (i, column) in columns.iter().enumerate() {
                        let text = if i == 0 {
                            lang.tr("cli.horizon_row")
                        } else {
                            (column.shown)(horizon)
                        };
                        cell_ui(ui, i, egui::RichText::new(text).strong());
                    }
                    ui.end_row();
                });
        });
}

/// A table cell: the year column left, numbers right-aligned so digits line up.
fn cell_ui(ui: &mut egui::Ui, column: usize, text: egui::RichText) {
    if column == 0 {
        ui.label(text);
    } else {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(text);
        });
    }
}
