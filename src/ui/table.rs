//! The year table, with a button that copies it as tab-separated text for Excel.

use crate::i18n::Lang;
use crate::model::YearResult;
use crate::model::plan::Direction;
use crate::report::{Style, YearTable};

use egui::RichText;
use egui_extras::{Column as TableColumn, TableBuilder};

/// How long "copied" shows after the table is copied.
const COPIED_NOTE_SECONDS: f64 = 3.0;

/// A button that copies a table as tab-separated text for Excel (`tsv`, made only when
/// clicked), and "copied" beside it for a few seconds.
pub fn copy_button_ui(
    ui: &mut egui::Ui,
    label_key: &str,
    help_key: &str,
    tsv: impl FnOnce() -> String,
    lang: Lang,
) {
    ui.horizontal(|ui| {
        let copied_at = ui.scope_id().with(label_key).with("copied_at");
        let now = ui.input(|i| i.time);
        if ui
            .button(lang.tr(label_key))
            .on_hover_text(lang.tr(help_key))
            .clicked()
        {
            ui.ctx().copy_text(tsv());
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
}

/// The year table: a row per year and the horizon row, numbers right-aligned; only the rows
/// in view are laid out, and the columns are as wide as their widest cell.
pub fn ui(ui: &mut egui::Ui, rows: &[YearResult], direction: Direction, lang: Lang) {
    let table = YearTable::screen(rows, direction, lang);
    copy_button_ui(
        ui,
        "ui.table.copy",
        "ui.table.copy_help",
        || table.to_tsv(lang),
        lang,
    );
    let columns = &table.columns;
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
                    for column in columns {
                        header.col(|ui| {
                            ui.add(
                                egui::Label::new(RichText::new(&column.header).strong())
                                    .wrap_mode(egui::TextWrapMode::Wrap),
                            );
                        });
                    }
                })
                .body(|body| {
                    let count = rows.len() + usize::from(table.horizon.is_some());
                    body.rows(row_height, count, |mut row| {
                        let index = row.index();
                        for (i, column) in columns.iter().enumerate() {
                            row.col(|ui| match rows.get(index) {
                                Some(year) => {
                                    ui.label(column.cell(year, Style::Screen, lang));
                                }
                                None => {
                                    let text = table
                                        .horizon_cell(i, Style::Screen, lang)
                                        .unwrap_or_default();
                                    ui.label(RichText::new(text).strong());
                                }
                            });
                        }
                    });
                });
        });
}
