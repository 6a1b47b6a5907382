//! The months of one year: what BPJS TK bills and the finance office pays each month, for the
//! total or one region.

use crate::format;
use crate::i18n::Lang;
use crate::model::MonthResult;
use crate::model::plan::PayerKind;

use super::editor::payer_name;

/// The twelve months of a year, with a row for the year's sum.
pub fn ui(ui: &mut egui::Ui, months: &[MonthResult], lang: Lang) {
    let mut year = MonthResult::default();
    for month in months {
        year.accumulate(month);
    }
    let money = move |value: i64| format::rupiah(value as f64, lang);
    type Cell<'a> = Box<dyn Fn(&MonthResult) -> String + 'a>;
    let mut columns: Vec<(String, Cell<'_>)> = vec![
        (
            lang.tr("cli.col.members"),
            Box::new(move |m| format::count(m.members, lang)),
        ),
        (
            lang.tr("cli.col.new"),
            Box::new(move |m| format::count(m.new, lang)),
        ),
        (
            lang.tr("cli.col.cut"),
            Box::new(move |m| format::count(m.cut, lang)),
        ),
        (
            lang.tr("cli.col.cost"),
            Box::new(move |m| money(m.cost_total)),
        ),
    ];
    for payer in PayerKind::ALL {
        if months.iter().any(|m| m.cost_of(payer) != 0) {
            columns.push((
                payer_name(payer, lang),
                Box::new(move |m| money(m.cost_of(payer))),
            ));
        }
    }
    type Part = fn(&MonthResult) -> i64;
    let programmes: [(&str, Part); 3] = [
        ("cli.col.cost_jkk", |m| m.cost_jkk),
        ("cli.col.cost_jkm", |m| m.cost_jkm),
        ("cli.col.cost_jht", |m| m.cost_jht),
    ];
    for (key, part) in programmes {
        if months.iter().any(|m| part(m) != 0) {
            columns.push((lang.tr(key), Box::new(move |m| money(part(m)))));
        }
    }
    columns.push((
        lang.tr("cli.col.deaths_mean"),
        Box::new(move |m| format::decimal(m.deaths_expected, 2, lang)),
    ));

    egui::ScrollArea::both()
        .id_salt("months_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("month_table")
                .striped(true)
                .num_columns(columns.len() + 1)
                .spacing([16.0, 4.0])
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(lang.tr("cli.col.month")).strong());
                    for (header, _) in &columns {
                        right(ui, egui::RichText::new(header).strong());
                    }
                    ui.end_row();
                    for m in months {
                        ui.label(format!("{}-{:02}", m.year, m.month));
                        for (_, cell) in &columns {
                            right(ui, egui::RichText::new(cell(m)));
                        }
                        ui.end_row();
                    }
                    ui.label(egui::RichText::new(year.year.to_string()).strong());
                    for (header, cell) in &columns {
                        // Members are a count per month: the year row shows the average.
                        let text = if *header == lang.tr("cli.col.members") {
                            format::people(year.members as f64 / months.len().max(1) as f64, lang)
                        } else {
                            cell(&year)
                        };
                        right(ui, egui::RichText::new(text).strong());
                    }
                    ui.end_row();
                });
        });
}

fn right(ui: &mut egui::Ui, text: egui::RichText) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(text);
    });
}
