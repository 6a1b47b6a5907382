//! Centre panel: region and year selectors, key-number cards, and the tabs of charts and
//! the year table. Shows the last valid results, with a note, while the input is invalid.

use egui::RichText;

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::{Direction, Sourced};
use crate::model::{Projection, YearResult};
use crate::report::compare::{Entry, Scope};
use crate::report::findings::Findings;
use crate::scenario::{CURRENT_VERSION, migrate::Migration};

use super::charts::Place;
use super::document::Document;
use super::{cards, charts, months, table, theme};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Coverage,
    Budget,
    Protection,
    Table,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Coverage, Tab::Budget, Tab::Protection, Tab::Table];

    fn key(self) -> &'static str {
        match self {
            Tab::Coverage => "ui.tab.coverage",
            Tab::Budget => "ui.tab.budget",
            Tab::Protection => "ui.tab.protection",
            Tab::Table => "ui.tab.table",
        }
    }
}

/// The selection that applies to cards, charts and table.
#[derive(Default)]
pub struct ResultsView {
    /// `None` is the total of all regions.
    region: Option<usize>,
    /// Index of the chosen year in the horizon.
    year: usize,
    tab: Tab,
    /// The table shows the months of the chosen year instead of the years.
    monthly: bool,
}

impl ResultsView {
    /// The region shown (`None`: the total of all regions).
    pub fn region(&self) -> Option<usize> {
        self.region
    }

    /// Shows `region` (`None`: the total).
    pub fn show_region(&mut self, region: Option<usize>) {
        self.region = region;
    }

    /// Back to the total and the first year (a new document).
    pub fn reset(&mut self) {
        self.region = None;
        self.year = 0;
    }

    /// Draws the results, the cards beside the `baseline`'s figures (its title and document)
    /// when there is one; returns a new UCJ target for the scenario when the user changed it.
    #[must_use]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        doc: &Document,
        baseline: Option<(&str, &Document)>,
        lang: Lang,
    ) -> Option<Option<Sourced<f64>>> {
        let Self {
            region,
            year,
            tab,
            monthly,
        } = self;
        header_ui(ui, doc, *region, lang);
        if doc.is_stale() {
            problems_note_ui(ui, doc, lang);
        }
        if let Some((version, migration)) = &doc.migrated {
            migration_note_ui(ui, *version, migration, lang);
        }
        let projection = doc.projection.as_ref()?;
        let ucj_target = doc.scenario.meta.ucj_target.as_ref();
        if region.is_some_and(|r| r >= projection.regions.len()) {
            *region = None;
        }
        let rows = projection.years_of(*region);
        let last = rows.len().checked_sub(1)?;
        *year = (*year).min(last);
        selectors_ui(ui, projection, rows, region, year, lang);
        // What it all means, in one sentence (the same as the command line's and reports').
        if let Some(findings) = Findings::of(&doc.scenario, projection, *region) {
            ui.add(egui::Label::new(findings.summary(lang)).wrap());
        }
        let direction = doc.scenario.direction;
        let warn = ui.visuals().warn_fg_color;
        folding_list_ui(
            ui,
            "warnings",
            "ui.warnings",
            &doc.warnings(lang),
            Some(warn),
            lang,
        );
        if direction == Direction::BudgetCap {
            let lines = format::pool_months_lines(projection, lang);
            folding_list_ui(ui, "pool_months", "ui.pool_months", &lines, None, lang);
        }
        if let Some(line) = format::aged_out_line(rows, lang) {
            ui.label(line);
        }
        let horizon = Projection::horizon_sum(rows);
        // The baseline's same region (by official code) or total, and the same calendar year.
        let scope = match region.and_then(|r| doc.scenario.regions.get(r)) {
            Some(r) => Scope::Region(r.code.trim().to_owned()),
            None => Scope::Total,
        };
        let versus = baseline.and_then(|(title, base)| {
            let entry = Entry {
                title,
                plan: &base.scenario,
                projection: base.projection.as_ref()?,
            };
            let base_rows = scope.rows(&entry)?;
            Some(cards::Versus {
                title,
                row: base_rows.iter().find(|b| b.year == rows[*year].year),
                horizon: Projection::horizon_sum(base_rows),
            })
        });
        cards::ui(
            ui,
            &rows[*year],
            &horizon,
            rows.len(),
            direction,
            ucj_target.map(|t| t.value),
            versus.as_ref(),
            lang,
        );
        ui.separator();
        ui.horizontal(|ui| {
            for option in Tab::ALL {
                ui.selectable_value(tab, option, RichText::new(lang.tr(option.key())).strong());
            }
        });
        ui.separator();
        let chosen_year = rows[*year].year;
        match tab {
            Tab::Coverage => {
                return charts::coverage_ui(
                    ui,
                    rows,
                    Place::Screen { chosen_year },
                    ucj_target,
                    true,
                    lang,
                );
            }
            Tab::Budget => {
                charts::budget_ui(ui, rows, Place::Screen { chosen_year }, direction, lang)
            }
            Tab::Protection => {
                let owed_later = region.map_or(projection.scholarships_after_horizon, |r| {
                    projection.regions[r].scholarships_after_horizon
                });
                charts::protection_ui(
                    ui,
                    rows,
                    Place::Screen { chosen_year },
                    projection,
                    owed_later,
                    lang,
                );
            }
            Tab::Table => {
                ui.horizontal(|ui| {
                    ui.selectable_value(monthly, false, lang.tr("ui.table.by_year"));
                    ui.selectable_value(
                        monthly,
                        true,
                        lang.tr_args("ui.table.by_month", &[("year", chosen_year.to_string())]),
                    )
                    .on_hover_text(lang.tr("ui.table.by_month_help"));
                });
                if *monthly {
                    // The months of the chosen region (or the total, the last list).
                    let all = doc.months();
                    let index = region.unwrap_or(all.len().saturating_sub(1));
                    let months = all.get(index).map_or(&[][..], |m| {
                        let from = (*year * 12).min(m.len());
                        &m[from..(from + 12).min(m.len())]
                    });
                    months::ui(ui, months, lang);
                } else {
                    table::ui(ui, rows, direction, lang);
                }
            }
        }
        None
    }
}

/// The scenario's title, and what the figures below are about: the owner, the region shown
/// and the years ("Provinsi Sulawesi Tengah › Kabupaten Banggai · 2026–2030").
fn header_ui(ui: &mut egui::Ui, doc: &Document, region: Option<usize>, lang: Lang) {
    let plan = &doc.scenario;
    let title = plan.meta.title.trim();
    let title = if title.is_empty() {
        lang.tr("ui.untitled")
    } else {
        title.to_owned()
    };
    let one = (plan.regions.len() == 1).then_some(0);
    let shown = match region.or(one).and_then(|i| plan.regions.get(i)) {
        Some(r) => r.name.trim().to_owned(),
        None => lang.tr_args(
            "ui.header.total",
            &[("count", plan.regions.len().to_string())],
        ),
    };
    let owner = plan.meta.region_name.trim();
    let first = plan.horizon.first_year;
    let last = i64::from(first) + i64::from(plan.horizon.years) - 1;
    let mut about = if owner.is_empty() || owner == shown {
        shown
    } else {
        format!("{owner} › {shown}")
    };
    about.push_str(&format!(" · {first}–{last}"));
    ui.add(egui::Label::new(RichText::new(title).size(20.0).strong()).truncate());
    ui.add(egui::Label::new(RichText::new(about).size(15.0).color(theme::accent(ui))).truncate());
    ui.add_space(4.0);
}

fn selectors_ui(
    ui: &mut egui::Ui,
    projection: &Projection,
    rows: &[YearResult],
    region: &mut Option<usize>,
    year: &mut usize,
    lang: Lang,
) {
    let region_name = |r: Option<usize>| match r {
        None => lang.tr("ui.region.total"),
        Some(i) => projection
            .regions
            .get(i)
            .map_or_else(String::new, |p| p.name.clone()),
    };
    ui.horizontal(|ui| {
        let label = ui.label(lang.tr("ui.select.region"));
        egui::ComboBox::from_id_salt("result_region")
            .selected_text(region_name(*region))
            .height(400.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(region, None, region_name(None));
                for i in 0..projection.regions.len() {
                    ui.selectable_value(region, Some(i), region_name(Some(i)));
                }
            })
            .response
            .labelled_by(label.id);
        ui.separator();
        let label = ui.label(lang.tr("ui.select.year"));
        egui::ComboBox::from_id_salt("result_year")
            .selected_text(
                rows.get(*year)
                    .map_or_else(String::new, |r| r.year.to_string()),
            )
            .show_ui(ui, |ui| {
                for (i, row) in rows.iter().enumerate() {
                    ui.selectable_value(year, i, row.year.to_string());
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// The input is invalid: say that the figures are from the last valid input, and list
/// every problem.
/// Lines (warnings, or how long each budget pays) in one list that folds away, its count in
/// the header (`key`): open when there are a few, folded when there are many, so the charts
/// stay in view.
fn folding_list_ui(
    ui: &mut egui::Ui,
    id: &str,
    key: &str,
    lines: &[String],
    colour: Option<egui::Color32>,
    lang: Lang,
) {
    if lines.is_empty() {
        return;
    }
    let colour = colour.unwrap_or_else(|| ui.visuals().text_color());
    let header = lang.tr_args(key, &[("count", lines.len().to_string())]);
    egui::CollapsingHeader::new(RichText::new(header).color(colour))
        .id_salt(id)
        .default_open(lines.len() <= 3)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt((id, "list"))
                .max_height(160.0)
                .show(ui, |ui| {
                    for line in lines {
                        ui.colored_label(colour, line);
                    }
                });
        });
}

/// The file was an older format version: say so, and what the migration changed.
fn migration_note_ui(ui: &mut egui::Ui, version: u32, migration: &Migration, lang: Lang) {
    let header = lang.tr_args(
        "ui.migrated",
        &[
            ("from", version.to_string()),
            ("to", CURRENT_VERSION.to_string()),
            ("count", migration.notes.len().to_string()),
        ],
    );
    egui::CollapsingHeader::new(RichText::new(header).color(ui.visuals().warn_fg_color))
        .id_salt("migration")
        .show(ui, |ui| {
            ui.label(lang.tr_args("ui.migrated_save", &[("to", CURRENT_VERSION.to_string())]));
            for note in &migration.notes {
                ui.label(note.described(lang));
            }
        });
}

fn problems_note_ui(ui: &mut egui::Ui, doc: &Document, lang: Lang) {
    let error = ui.visuals().error_fg_color;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.0, error))
        .show(ui, |ui| {
            let key = if doc.projection.is_some() {
                "ui.stale"
            } else {
                "ui.no_results"
            };
            ui.colored_label(
                error,
                lang.tr_args(key, &[("count", doc.problems.len().to_string())]),
            );
            egui::CollapsingHeader::new(lang.tr("ui.problems"))
                .id_salt("problems")
                .show(ui, |ui| {
                    for problem in &doc.problems {
                        ui.label(problem.described(lang));
                    }
                });
        });
}
