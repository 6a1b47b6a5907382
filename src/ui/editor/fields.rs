//! The editor's field widgets: a label, a number box in Indonesian or English notation, the
//! unit, a tooltip with the field's meaning and source, and the validation message in red
//! under the field when its value is invalid.

use std::collections::BTreeMap;

use egui::{DragValue, RichText};

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::field::FieldPath;

/// The unit shown after a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Workers,
    Rupiah,
    RupiahPerMonth,
    RupiahPerYear,
    Percent,
    PercentPerYear,
    PerMille,
    Year,
    Years,
    Age,
    Month,
    Months,
    MonthsOfIncome,
    MemberYears,
    Factor,
    Children,
}

impl Unit {
    fn key(self) -> &'static str {
        match self {
            Unit::Workers => "ui.unit.workers",
            Unit::Rupiah => "ui.unit.rupiah",
            Unit::RupiahPerMonth => "ui.unit.rupiah_month",
            Unit::RupiahPerYear => "ui.unit.rupiah_year",
            Unit::Percent => "ui.unit.percent",
            Unit::PercentPerYear => "ui.unit.percent_year",
            Unit::PerMille => "ui.unit.per_mille",
            Unit::Year => "ui.unit.year",
            Unit::Years => "ui.unit.years",
            Unit::Age => "ui.unit.age",
            Unit::Month => "ui.unit.month",
            Unit::Months => "ui.unit.months",
            Unit::MonthsOfIncome => "ui.unit.months_income",
            Unit::MemberYears => "ui.unit.member_years",
            Unit::Factor => "ui.unit.factor",
            Unit::Children => "ui.unit.children",
        }
    }
}

/// Validation messages by field path (`regions[0].pool.count`), in the current language.
pub type FieldProblems = BTreeMap<String, Vec<String>>;

/// What every field needs to draw itself: the language and the current problems.
#[derive(Clone, Copy)]
pub struct Fields<'a> {
    pub lang: Lang,
    pub problems: &'a FieldProblems,
}

impl Fields<'_> {
    pub fn tr(&self, key: &str) -> String {
        self.lang.tr(key)
    }

    /// Tooltip text: the field's meaning (`ui.help.<name>`) and, when known, its source.
    fn help(&self, name: &str, source: Option<&str>) -> String {
        let meaning = self.tr(&format!("ui.help.{name}"));
        match source {
            Some(source) if !source.trim().is_empty() => {
                format!("{meaning}\n\n{}: {source}", self.tr("ui.source"))
            }
            _ => meaning,
        }
    }

    /// The label column of a grid row, with the tooltip.
    pub fn label(&self, ui: &mut egui::Ui, name: &str, source: Option<&str>) -> egui::Response {
        ui.label(self.tr(&format!("ui.field.{name}")))
            .on_hover_text(self.help(name, source))
    }

    /// A row whose label is given (a year, a wave number); `name` gives the tooltip.
    #[expect(clippy::too_many_arguments)]
    pub fn float_labelled(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        name: &str,
        path: FieldPath,
        value: &mut f64,
        unit: Unit,
        decimals: usize,
    ) {
        let label = ui.label(label).on_hover_text(self.help(name, None));
        self.value_ui(ui, label.id, name, None, unit, |fields| {
            fields.drag(DragValue::new(value), decimals).speed(0.1)
        });
        self.problems_ui(ui, path);
    }

    /// A whole-number row whose label is given; `name` gives the tooltip.
    pub fn int_labelled<N: egui::emath::Numeric>(
        &self,
        ui: &mut egui::Ui,
        label: &str,
        name: &str,
        path: FieldPath,
        value: &mut N,
        unit: Unit,
    ) {
        let label = ui.label(label).on_hover_text(self.help(name, None));
        let speed = (value.to_f64().abs() * 0.002).max(0.1);
        self.value_ui(ui, label.id, name, None, unit, |fields| {
            fields.drag(DragValue::new(value), 0).speed(speed)
        });
        self.problems_ui(ui, path);
    }

    /// The value column: the number box, labelled for screen readers and tests, and its unit.
    fn value_ui<'v>(
        &self,
        ui: &mut egui::Ui,
        label: egui::Id,
        name: &str,
        source: Option<&str>,
        unit: Unit,
        drag: impl FnOnce(&Self) -> DragValue<'v>,
    ) {
        ui.horizontal(|ui| {
            ui.add(drag(self))
                .labelled_by(label)
                .on_hover_text(self.help(name, source));
            ui.label(self.tr(unit.key()));
        });
        ui.end_row();
    }

    /// A whole number (count, Rupiah, age, month, year) in a grid row.
    pub fn int<N: egui::emath::Numeric>(
        &self,
        ui: &mut egui::Ui,
        name: &str,
        path: FieldPath,
        value: &mut N,
        unit: Unit,
        source: Option<&str>,
    ) {
        let label = self.label(ui, name, source);
        let speed = (value.to_f64().abs() * 0.002).max(0.1);
        self.value_ui(ui, label.id, name, source, unit, |fields| {
            let drag = DragValue::new(value).speed(speed);
            if unit == Unit::Year {
                // A year is written without a thousands separator.
                drag.custom_parser(|text| text.trim().parse().ok())
            } else {
                fields.drag(drag, 0)
            }
        });
        self.problems_ui(ui, path);
    }

    /// A decimal number (percentage, rate, factor) in a grid row.
    #[expect(clippy::too_many_arguments)]
    pub fn float(
        &self,
        ui: &mut egui::Ui,
        name: &str,
        path: FieldPath,
        value: &mut f64,
        unit: Unit,
        decimals: usize,
        source: Option<&str>,
    ) {
        let label = self.label(ui, name, source);
        self.value_ui(ui, label.id, name, source, unit, |fields| {
            fields.drag(DragValue::new(value), decimals).speed(0.1)
        });
        self.problems_ui(ui, path);
    }

    /// A one-line text in a grid row.
    pub fn text(&self, ui: &mut egui::Ui, name: &str, path: FieldPath, value: &mut String) {
        let label = self.label(ui, name, None);
        ui.add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
            .labelled_by(label.id)
            .on_hover_text(self.help(name, None));
        ui.end_row();
        self.problems_ui(ui, path);
    }

    /// The "source" note of a figure, in a grid row.
    /// One line, to keep the editor compact; the whole note shows on hover.
    pub fn source(&self, ui: &mut egui::Ui, value: &mut String) {
        let label = ui
            .label(RichText::new(self.tr("ui.source")).weak())
            .on_hover_text(self.tr("ui.help.source"));
        let full = value.clone();
        let response = ui
            .add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        if !full.is_empty() {
            response.on_hover_text(full);
        }
        ui.end_row();
    }

    /// The year a figure describes, when it is older than the first projection year (it is
    /// then grown to the first year): a checkbox, then the year.
    pub fn base_year(
        &self,
        ui: &mut egui::Ui,
        path: FieldPath,
        value: &mut Option<i32>,
        first_year: i32,
    ) {
        let mut dated = value.is_some();
        let label = ui
            .checkbox(&mut dated, self.tr("ui.field.base_year"))
            .on_hover_text(self.tr("ui.help.base_year"));
        if label.changed() {
            *value = dated.then_some(first_year - 1);
        }
        match value {
            Some(year) => {
                ui.horizontal(|ui| {
                    ui.add(self.drag(DragValue::new(year), 0).range(2000..=first_year))
                        .labelled_by(label.id);
                    ui.label(self.tr(Unit::Year.key()));
                });
            }
            None => {
                ui.label("");
            }
        }
        ui.end_row();
        self.problems_ui(ui, path);
    }

    /// A number box that reads and writes the language's notation (15.138 / 15,138).
    fn drag<'v>(&self, drag: DragValue<'v>, decimals: usize) -> DragValue<'v> {
        let lang = self.lang;
        drag.custom_formatter(move |v, _| format::decimal(v, decimals, lang))
            .custom_parser(move |text| number_from_text(text, lang))
            .update_while_editing(false)
    }

    /// The messages for `path`, in red, in a grid row of their own.
    pub fn problems_ui(&self, ui: &mut egui::Ui, path: FieldPath) {
        if let Some(messages) = self.problems.get(&path.to_string()) {
            ui.label("");
            ui.vertical(|ui| {
                for message in messages {
                    ui.colored_label(ui.visuals().error_fg_color, message);
                }
            });
            ui.end_row();
        }
    }

    /// Messages for `path` outside a grid.
    pub fn problems_below(&self, ui: &mut egui::Ui, path: FieldPath) {
        if let Some(messages) = self.problems.get(&path.to_string()) {
            for message in messages {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
        }
    }
}

/// Reads a number typed in either notation of `lang`: "15.138", "Rp16.800", "43,6", "1,5%".
pub fn number_from_text(text: &str, lang: Lang) -> Option<f64> {
    let (group, decimal) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    let cleaned: String = text
        .trim()
        .trim_start_matches("Rp")
        .trim_end_matches('%')
        .chars()
        .filter(|c| *c != group && !c.is_whitespace())
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_notations() {
        assert_eq!(number_from_text("15.138", Lang::Id), Some(15_138.0));
        assert_eq!(number_from_text("Rp16.800", Lang::Id), Some(16_800.0));
        assert_eq!(number_from_text("43,6%", Lang::Id), Some(43.6));
        assert_eq!(number_from_text("15,138", Lang::En), Some(15_138.0));
        assert_eq!(number_from_text("43.6", Lang::En), Some(43.6));
        assert_eq!(number_from_text("-5", Lang::Id), Some(-5.0));
        assert_eq!(number_from_text("abc", Lang::Id), None);
        assert_eq!(number_from_text("inf", Lang::Id), None);
    }
}
