//! The editor's field widgets: a label, a number box in Indonesian or English notation, the
//! unit, a tooltip with the field's meaning and source, and the validation message in red
//! under the field when its value is invalid.

use std::collections::BTreeMap;

use egui::{DragValue, RichText};

use crate::format;
use crate::i18n::Lang;
use crate::model::limits::MAX_TEXT_CHARS;
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
        let understood = Understood::default();
        let drag = self.drag(DragValue::new(value), decimals, &understood);
        self.value_ui(ui, label.id, name, None, unit, &understood, drag.speed(0.1));
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
        let understood = Understood::default();
        let drag = self.drag(DragValue::new(value), 0, &understood);
        self.value_ui(
            ui,
            label.id,
            name,
            None,
            unit,
            &understood,
            drag.speed(speed),
        );
        self.problems_ui(ui, path);
    }

    /// The value column: the number box, labelled for screen readers and tests, and its unit;
    /// while the number is typed, how it is read (`understood` holds what the box's reader
    /// made of the text this frame).
    #[expect(clippy::too_many_arguments)]
    fn value_ui(
        &self,
        ui: &mut egui::Ui,
        label: egui::Id,
        name: &str,
        source: Option<&str>,
        unit: Unit,
        understood: &Understood,
        drag: DragValue<'_>,
    ) {
        ui.horizontal(|ui| {
            let response = ui
                .add(drag)
                .labelled_by(label)
                .on_hover_text(self.help(name, source));
            ui.label(self.tr(unit.key()));
            self.understood_ui(ui, response.id, understood);
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
        let understood = Understood::default();
        let drag = if unit == Unit::Year {
            // A year is written without a thousands separator.
            let understood = &understood;
            DragValue::new(value)
                .custom_parser(move |text| {
                    let year = text.trim().parse().ok();
                    understood.set(Some(year));
                    year
                })
                .update_while_editing(true)
        } else {
            self.drag(DragValue::new(value), 0, &understood)
        };
        self.value_ui(
            ui,
            label.id,
            name,
            source,
            unit,
            &understood,
            drag.speed(speed),
        );
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
        let understood = Understood::default();
        let drag = self.drag(DragValue::new(value), decimals, &understood);
        self.value_ui(
            ui,
            label.id,
            name,
            source,
            unit,
            &understood,
            drag.speed(0.1),
        );
        self.problems_ui(ui, path);
    }

    /// A one-line text in a grid row.
    /// A line of text (a title, a name) shown whole: it wraps onto more lines rather than
    /// being cut, and Enter or a pasted line break adds no line of its own.
    pub fn text(&self, ui: &mut egui::Ui, name: &str, path: FieldPath, value: &mut String) {
        let label = self.label(ui, name, None);
        let response = ui
            .add(
                egui::TextEdit::multiline(value)
                    .desired_rows(1)
                    .return_key(None)
                    .desired_width(width_to_edge(ui))
                    .char_limit(MAX_TEXT_CHARS),
            )
            .labelled_by(label.id)
            .on_hover_text(self.help(name, None));
        if response.changed() && value.contains(['\n', '\r']) {
            *value = value.replace("\r\n", " ").replace(['\n', '\r'], " ");
        }
        ui.end_row();
        limit_note(ui, *self, value, MAX_TEXT_CHARS);
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
            .add(
                egui::TextEdit::singleline(value)
                    .desired_width(width_to_edge(ui))
                    .clip_text(true)
                    .char_limit(MAX_TEXT_CHARS),
            )
            .labelled_by(label.id);
        if !full.is_empty() {
            response.on_hover_text(full);
        }
        ui.end_row();
        limit_note(ui, *self, value, MAX_TEXT_CHARS);
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
                    let understood = Understood::default();
                    let drag = self.drag(DragValue::new(year), 0, &understood);
                    let response = ui.add(drag.range(2000..=first_year)).labelled_by(label.id);
                    self.understood_ui(ui, response.id, &understood);
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

    /// A number box that reads and writes the language's notation (15.138 / 15,138): a whole
    /// number with `decimals` 0, else a decimal one (see [`NumberKind`]). Every keystroke is
    /// read, and what it was read as is kept in `understood` for [`Self::understood_ui`].
    fn drag<'v>(
        &self,
        drag: DragValue<'v>,
        decimals: usize,
        understood: &'v Understood,
    ) -> DragValue<'v> {
        let lang = self.lang;
        let kind = if decimals == 0 {
            NumberKind::Whole
        } else {
            NumberKind::Decimal
        };
        drag.custom_formatter(move |v, _| format::decimal(v, decimals, lang))
            .custom_parser(move |text| {
                let value = number_from_text(text, lang, kind);
                understood.set(Some(value));
                value
            })
            .update_while_editing(true)
    }

    /// While a number box has the focus: the number its text was read as (so that 45.5 in a
    /// percentage is seen to be 45,5 before it counts), or that the text cannot be read.
    fn understood_ui(&self, ui: &mut egui::Ui, id: egui::Id, understood: &Understood) {
        let key = id.with("understood");
        if let Some(read) = understood.get() {
            ui.data_mut(|d| d.insert_temp(key, read));
        }
        if !ui.memory(|m| m.has_focus(id)) {
            ui.data_mut(|d| d.remove_temp::<Option<f64>>(key));
            return;
        }
        match ui.data(|d| d.get_temp::<Option<f64>>(key)) {
            Some(Some(value)) => {
                let shown = format::decimal(value, shown_decimals(value), self.lang);
                ui.label(
                    RichText::new(self.lang.tr_args("ui.number.read_as", &[("value", shown)]))
                        .weak(),
                );
            }
            Some(None) => {
                ui.colored_label(ui.visuals().error_fg_color, self.tr("ui.number.not_read"));
            }
            None => {}
        }
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

/// The width from the cursor to the right edge of the visible panel, for a text field that
/// fills its row. Not the grid cell's available width: a grid sizes that from last frame's
/// columns, so after the labels change (another language) a filling field would push the
/// panel wider, a little more at every switch.
/// Says so under a text that reached its limit (typing or pasting stops there).
pub fn limit_note(ui: &mut egui::Ui, fields: Fields<'_>, text: &str, limit: usize) {
    if text.chars().count() >= limit {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            fields.lang.tr_args(
                "ui.text_limit",
                &[("max", format::count(limit as i64, fields.lang))],
            ),
        );
        ui.end_row();
    }
}

pub fn width_to_edge(ui: &egui::Ui) -> f32 {
    let margin = ui.spacing().item_spacing.x + ui.spacing().scroll.bar_width;
    (ui.clip_rect().right() - ui.cursor().left() - margin).max(80.0)
}

/// What a number box reads, last frame's and this frame's: `Some(Some(v))` the text was read
/// as `v`, `Some(None)` it could not be read, `None` nothing was typed.
type Understood = std::cell::Cell<Option<Option<f64>>>;

/// How a number box reads a mark that could group thousands or separate decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// Counts, Rupiah, ages, months: the language's group mark (Bahasa Indonesia `.`,
    /// English `,`) separates thousands, in groups of exactly three digits; a fraction other
    /// than zero is not a whole number. `45.5` is not read (it is neither 45,5 nor 455).
    Whole,
    /// Percentages, rates, factors: the language's decimal mark; the other mark once, followed
    /// by one or two digits at the end, is a decimal mark too (`45.5` and `1.66` in Bahasa
    /// Indonesia are 45,5 and 1,66); followed by three digits it groups thousands (`1.000`).
    Decimal,
}

/// Reads a number typed in the notation of `lang` ("15.138", "Rp16.800", "43,6", "1,5%"),
/// by the rule of `kind`; `None` when the text is not a number by that rule.
pub fn number_from_text(text: &str, lang: Lang, kind: NumberKind) -> Option<f64> {
    let (group, decimal) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    let body: String = text
        .trim()
        .trim_start_matches("Rp")
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (sign, body) = match body.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", body.as_str()),
    };
    let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    let (whole, fraction) = match body.split_once(decimal) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => match body.rsplit_once(group) {
            Some((whole, fraction))
                if kind == NumberKind::Decimal
                    && !whole.contains(group)
                    && (1..=2).contains(&fraction.len())
                    && digits(fraction) =>
            {
                (whole, Some(fraction))
            }
            _ => (body, None),
        },
    };
    // Thousands: a first group of one to three digits, then groups of exactly three.
    let groups: Vec<&str> = whole.split(group).collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let whole: String = groups.concat();
    let fraction = fraction.unwrap_or("");
    if (whole.is_empty() && fraction.is_empty()) || !digits(&whole) || !digits(fraction) {
        return None;
    }
    if kind == NumberKind::Whole && fraction.chars().any(|c| c != '0') {
        return None;
    }
    let whole = if whole.is_empty() { "0" } else { &whole };
    let fraction = if fraction.is_empty() { "0" } else { fraction };
    format!("{sign}{whole}.{fraction}")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// Decimals enough to show `value` as read (up to six).
fn shown_decimals(value: f64) -> usize {
    (0..6)
        .find(|&d| {
            let scaled = value * 10_f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-9 * scaled.abs().max(1.0)
        })
        .unwrap_or(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_notations() {
        use NumberKind::{Decimal, Whole};
        assert_eq!(number_from_text("15.138", Lang::Id, Whole), Some(15_138.0));
        assert_eq!(
            number_from_text("Rp16.800", Lang::Id, Whole),
            Some(16_800.0)
        );
        assert_eq!(
            number_from_text("2.000.000.000", Lang::Id, Whole),
            Some(2e9)
        );
        assert_eq!(number_from_text("43,6%", Lang::Id, Decimal), Some(43.6));
        assert_eq!(number_from_text("15,138", Lang::En, Whole), Some(15_138.0));
        assert_eq!(number_from_text("43.6", Lang::En, Decimal), Some(43.6));
        assert_eq!(number_from_text("-5", Lang::Id, Whole), Some(-5.0));
        assert_eq!(number_from_text("abc", Lang::Id, Decimal), None);
        assert_eq!(number_from_text("inf", Lang::Id, Decimal), None);
        assert_eq!(number_from_text("", Lang::Id, Decimal), None);
    }

    #[test]
    fn an_ambiguous_mark_is_never_ten_times_the_number() {
        use NumberKind::{Decimal, Whole};
        // In a percentage or rate, a dot before one or two final digits is a decimal point.
        assert_eq!(number_from_text("45.5", Lang::Id, Decimal), Some(45.5));
        assert_eq!(number_from_text("1.66", Lang::Id, Decimal), Some(1.66));
        assert_eq!(number_from_text("45,5", Lang::En, Decimal), Some(45.5));
        // Before three digits it groups thousands.
        assert_eq!(number_from_text("1.000", Lang::Id, Decimal), Some(1000.0));
        // In a count, a dot groups thousands only before exactly three digits: 45.5 and
        // 1.2345 are not read at all, and a count has no fraction.
        assert_eq!(number_from_text("45.5", Lang::Id, Whole), None);
        assert_eq!(number_from_text("1.2345", Lang::Id, Whole), None);
        assert_eq!(number_from_text("1.2345", Lang::Id, Decimal), None);
        assert_eq!(number_from_text("45,5", Lang::Id, Whole), None);
        assert_eq!(number_from_text("45,0", Lang::Id, Whole), Some(45.0));
        assert_eq!(number_from_text("12.34.567", Lang::Id, Whole), None);
    }

    #[test]
    fn read_values_are_shown_with_the_decimals_they_have() {
        assert_eq!(shown_decimals(45.0), 0);
        assert_eq!(shown_decimals(45.5), 1);
        assert_eq!(shown_decimals(1.66), 2);
    }
}
