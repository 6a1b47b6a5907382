//! The comparison of every open scenario: the baseline and the region compared, what each
//! scenario means in a sentence and how it differs from the baseline, the difference table
//! per year and over the horizon (signed, with an arrow and a colour), and the charts with
//! every scenario on the same axes.

use egui::{Color32, RichText};

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::model::plan::Plan;
use crate::report::chart::{ChartSpec, Overlay};
use crate::report::compare::{self, Comparison, Difference, Entry, Line, Scope, Sign};
use crate::report::findings::Findings;
use crate::report::inputs;

use super::charts;
use super::command::Command;
use super::workspace::{DocId, Workspace};
use egui_extras::{Column as TableColumn, TableBuilder};

/// The widest a scenario's title is in the table before it wraps (points).
const TITLE_WIDTH: f32 = 200.0;

/// Which part of the comparison is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Part {
    #[default]
    Table,
    Overlay(Overlay),
    /// Which inputs differ from the baseline's.
    Inputs,
}

/// The inputs that differ between two scenarios, with the scenarios they were found for
/// (worked out again only when either changes).
type InputDifferences = (Plan, Plan, Vec<inputs::Difference>);

/// What a comparison on screen was worked out from: each scenario with results (its tab,
/// the revision of its projection and its title), the baseline among them, the region and
/// the language.
#[derive(Clone, Debug, PartialEq)]
struct Basis {
    scenarios: Vec<(DocId, u64, String)>,
    baseline: usize,
    scope: Scope,
    lang: Lang,
}

/// The comparison worked out once for a [`Basis`] and drawn from here every frame until a
/// scenario's results, a title, the baseline, the region or the language change.
struct Worked {
    basis: Basis,
    comparison: Comparison,
    /// Each scenario's title, whether it is the baseline, and its summary sentence.
    summaries: Vec<(String, bool, String)>,
    sentences: Vec<String>,
    /// The overlaid charts shown so far.
    overlays: HashMap<Overlay, ChartSpec>,
}

/// What the comparison shows (kept while the app runs): the region compared, and the
/// difference table, an overlaid chart or the inputs that differ.
#[derive(Default)]
pub struct CompareView {
    scope: Scope,
    part: Part,
    inputs: HashMap<(DocId, DocId), InputDifferences>,
    worked: Option<Worked>,
}

impl CompareView {
    pub fn ui(&mut self, ui: &mut egui::Ui, work: &Workspace, lang: Lang) -> Vec<Command> {
        let Self {
            scope,
            part,
            inputs,
            worked,
        } = self;
        let mut commands = Vec::new();
        ui.heading(lang.tr_args("ui.compare.title", &[("count", work.count().to_string())]));
        if work.count() < 2 {
            ui.label(lang.tr("ui.compare.need_two"));
            return commands;
        }
        let untitled = lang.tr("ui.untitled");
        // The scenarios with results (a scenario never valid has none yet).
        let titles: Vec<String> = work.tabs().iter().map(|t| t.title(&untitled)).collect();
        let with_results: Vec<(usize, Entry<'_>)> = work
            .tabs()
            .iter()
            .enumerate()
            .filter_map(|(index, tab)| {
                Some((
                    index,
                    Entry {
                        title: &titles[index],
                        plan: &tab.doc.scenario,
                        projection: tab.doc.projection.as_ref()?,
                    },
                ))
            })
            .collect();
        let invalid: Vec<&str> = work
            .tabs()
            .iter()
            .zip(&titles)
            .filter(|(tab, _)| tab.doc.projection.is_none() || tab.doc.is_stale())
            .map(|(_, title)| title.as_str())
            .collect();
        let entries: Vec<Entry<'_>> = with_results.iter().map(|(_, e)| *e).collect();
        let baseline = with_results
            .iter()
            .position(|(index, _)| *index == work.baseline_index())
            .unwrap_or(0);

        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.tr("ui.compare.baseline"));
            egui::ComboBox::from_id_salt("compare_baseline")
                .selected_text(&titles[work.baseline_index()])
                .show_ui(ui, |ui| {
                    for (tab, title) in work.tabs().iter().zip(&titles) {
                        let chosen = tab.id == work.baseline_id();
                        if ui.selectable_label(chosen, title).clicked() && !chosen {
                            commands.push(Command::SetBaseline(tab.id));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            ui.separator();
            let label = ui.label(lang.tr("ui.compare.scope"));
            let scopes = Scope::all(&entries);
            if !scopes.iter().any(|(s, _)| s == scope) {
                *scope = Scope::Total;
            }
            let name = |(s, name): &(Scope, String)| match s {
                Scope::Total => lang.tr("ui.region.total"),
                Scope::Region(code) => format!("{name} ({code})"),
            };
            let shown = scopes
                .iter()
                .find(|(s, _)| s == scope)
                .map(name)
                .unwrap_or_default();
            egui::ComboBox::from_id_salt("compare_scope")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for option in &scopes {
                        ui.selectable_value(scope, option.0.clone(), name(option));
                    }
                })
                .response
                .labelled_by(label.id);
        });
        if !invalid.is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                lang.tr_args("ui.compare.invalid", &[("titles", invalid.join(", "))]),
            );
        }
        let basis = Basis {
            scenarios: with_results
                .iter()
                .map(|(index, entry)| {
                    let tab = &work.tabs()[*index];
                    (tab.id, tab.doc.revision(), entry.title.to_owned())
                })
                .collect(),
            baseline,
            scope: scope.clone(),
            lang,
        };
        let worked = match worked {
            Some(done) if done.basis == basis => done,
            _ => worked.insert(Worked::new(basis, &entries)),
        };
        let comparison = &worked.comparison;
        summaries_ui(ui, &worked.summaries, &worked.sentences);
        if !comparison.absent.is_empty() {
            let absent: Vec<&str> = comparison
                .absent
                .iter()
                .map(|i| comparison.titles[*i].as_str())
                .collect();
            ui.colored_label(
                ui.visuals().warn_fg_color,
                lang.tr_args("ui.compare.absent", &[("titles", absent.join(", "))]),
            );
        }
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            let strong = |key: &str| RichText::new(lang.tr(key)).strong();
            ui.selectable_value(part, Part::Table, strong("ui.compare.table"));
            for overlay in Overlay::ALL {
                ui.selectable_value(part, Part::Overlay(overlay), strong(overlay.title_key()));
            }
            ui.selectable_value(part, Part::Inputs, strong("ui.compare.inputs"))
                .on_hover_text(lang.tr("ui.compare.inputs_help"));
        });
        ui.separator();
        match *part {
            Part::Table => table_ui(ui, comparison, lang),
            Part::Overlay(overlay) => {
                let spec = worked.overlays.entry(overlay).or_insert_with(|| {
                    ChartSpec::overlay(overlay, &entries, baseline, scope, lang)
                });
                let height = (ui.available_height() - 40.0).max(300.0);
                charts::spec_ui(ui, spec, height, None, lang);
            }
            Part::Inputs => inputs_ui(ui, work, &titles, inputs, lang),
        }
        commands
    }
}

/// For each scenario, the inputs that differ from the baseline's: where, both values and
/// both sources, so two offices see why their figures differ.
fn inputs_ui(
    ui: &mut egui::Ui,
    work: &Workspace,
    titles: &[String],
    cache: &mut HashMap<(DocId, DocId), InputDifferences>,
    lang: Lang,
) {
    let base = &work.tabs()[work.baseline_index()];
    let base_title = &titles[work.baseline_index()];
    cache.retain(|(a, b), _| work.get(*a).is_some() && work.get(*b).is_some());
    for (tab, title) in work.tabs().iter().zip(titles) {
        if tab.id == base.id {
            continue;
        }
        let (a, b) = (&base.doc.scenario, &tab.doc.scenario);
        let key = (base.id, tab.id);
        let current = matches!(cache.get(&key), Some((ca, cb, _)) if ca == a && cb == b);
        if !current {
            cache.insert(key, (a.clone(), b.clone(), inputs::differences(a, b, lang)));
        }
        let Some((_, _, found)) = cache.get(&key) else {
            continue;
        };
        ui.add_space(8.0);
        ui.label(
            RichText::new(lang.tr_args(
                "ui.compare.inputs_heading",
                &[
                    ("title", title.clone()),
                    ("baseline", base_title.clone()),
                    ("count", found.len().to_string()),
                ],
            ))
            .strong(),
        );
        if found.is_empty() {
            continue;
        }
        egui::Grid::new(("input_differences", tab.id))
            .striped(true)
            .spacing([16.0, 4.0])
            .show(ui, |ui| {
                let headers = [
                    lang.tr("cli.diff.col.place"),
                    base_title.clone(),
                    title.clone(),
                    lang.tr_args("ui.compare.source_of", &[("title", base_title.clone())]),
                    lang.tr_args("ui.compare.source_of", &[("title", title.clone())]),
                ];
                for header in headers {
                    wrapped(ui, RichText::new(header).strong(), TITLE_WIDTH);
                }
                ui.end_row();
                for difference in found {
                    wrapped(ui, RichText::new(&difference.place), TITLE_WIDTH * 1.4);
                    wrapped(ui, RichText::new(difference.a.text(lang)), TITLE_WIDTH);
                    wrapped(
                        ui,
                        RichText::new(difference.b.text(lang)).strong(),
                        TITLE_WIDTH,
                    );
                    wrapped(ui, RichText::new(&difference.source_a).weak(), TITLE_WIDTH);
                    wrapped(ui, RichText::new(&difference.source_b).weak(), TITLE_WIDTH);
                    ui.end_row();
                }
            });
    }
}

/// A cell's text, wrapped at `width`.
fn wrapped(ui: &mut egui::Ui, text: RichText, width: f32) {
    ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
        ui.add(egui::Label::new(text).wrap());
    });
}

impl Worked {
    fn new(basis: Basis, entries: &[Entry<'_>]) -> Self {
        let (baseline, scope, lang) = (basis.baseline, &basis.scope, basis.lang);
        let summaries = entries
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                let region = match scope {
                    Scope::Total => None,
                    Scope::Region(code) => Some(
                        entry
                            .plan
                            .regions
                            .iter()
                            .position(|r| r.code.trim() == code)?,
                    ),
                };
                let findings = Findings::of(entry.plan, entry.projection, region)?;
                Some((
                    entry.title.to_owned(),
                    index == baseline,
                    findings.summary(lang),
                ))
            })
            .collect();
        Self {
            comparison: Comparison::of(entries, baseline, scope),
            summaries,
            sentences: compare::sentences(entries, baseline, scope, lang),
            overlays: HashMap::new(),
            basis,
        }
    }
}

/// Each scenario's summary sentence (the baseline's title underlined), then what each
/// differs by from the baseline.
fn summaries_ui(ui: &mut egui::Ui, summaries: &[(String, bool, String)], sentences: &[String]) {
    for (title, is_baseline, summary) in summaries {
        let mut title = RichText::new(format!("{title}: ")).strong();
        if *is_baseline {
            title = title.underline();
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(title);
            ui.add(egui::Label::new(summary).wrap());
        });
    }
    for sentence in sentences {
        ui.add(egui::Label::new(RichText::new(sentence).italics()).wrap());
    }
}

/// The colour of a difference: blue up, vermilion down (Okabe–Ito, told apart by colour-blind
/// readers too; the arrow says it without colour).
pub(super) fn sign_colour(sign: Sign, dark: bool) -> Option<Color32> {
    match (sign, dark) {
        (Sign::Up, false) => Some(Color32::from_rgb(0x00, 0x72, 0xB2)),
        (Sign::Up, true) => Some(Color32::from_rgb(0x56, 0xB4, 0xE9)),
        (Sign::Down, false) => Some(Color32::from_rgb(0xD5, 0x5E, 0x00)),
        (Sign::Down, true) => Some(Color32::from_rgb(0xE6, 0x9F, 0x00)),
        (Sign::Same, _) => None,
    }
}

/// A difference as shown: its arrow, its signed amount and its colour.
pub(super) fn difference_text(difference: Difference, dark: bool, lang: Lang) -> RichText {
    let sign = difference.sign();
    let arrow = match sign {
        Sign::Up => "⏶ ",
        Sign::Down => "⏷ ",
        Sign::Same => "",
    };
    let text = RichText::new(format!("{arrow}{}", difference.text(lang)));
    match sign_colour(sign, dark) {
        Some(colour) => text.color(colour),
        None => text,
    }
}

/// The difference table: for each figure, a row per scenario with its value and, under it,
/// its difference from the baseline.
fn table_ui(ui: &mut egui::Ui, comparison: &Comparison, lang: Lang) {
    super::table::copy_button_ui(
        ui,
        "ui.compare.copy",
        "ui.compare.copy_help",
        || comparison.to_tsv(lang),
        lang,
    );
    ui.label(
        RichText::new(lang.tr("ui.compare.horizon_note"))
            .small()
            .weak(),
    );
    if comparison.horizons_differ {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            lang.tr("ui.compare.horizons_differ"),
        );
    }
    let dark = ui.visuals().dark_mode;
    let headers = comparison.column_headers(lang);
    let count = comparison.titles.len().max(1);
    let rows = comparison.lines.len() * count;
    // Two lines a row: the value, and its difference from the baseline under it.
    let line_height = ui.text_style_height(&egui::TextStyle::Body);
    let row_height = line_height * 2.0 + 6.0;
    egui::ScrollArea::horizontal()
        .id_salt("compare_table_wide")
        .show(ui, |ui| {
            // Only the rows in view are laid out: eight scenarios make a hundred rows.
            TableBuilder::new(ui)
                .id_salt("compare_table")
                .striped(true)
                .cell_layout(egui::Layout::top_down(egui::Align::Max))
                .column(TableColumn::auto().at_least(140.0))
                .column(TableColumn::exact(TITLE_WIDTH).clip(true))
                .columns(TableColumn::auto().at_least(96.0), headers.len())
                .header(line_height + 8.0, |mut header| {
                    // Names read from the left; figures line up on the right.
                    for key in ["ui.compare.figure", "ui.compare.scenario"] {
                        header.col(|ui| {
                            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                                ui.label(RichText::new(lang.tr(key)).strong());
                            });
                        });
                    }
                    for text in &headers {
                        header.col(|ui| {
                            ui.label(RichText::new(text).strong());
                        });
                    }
                })
                .body(|body| {
                    body.rows(row_height, rows, |mut row| {
                        let index = row.index();
                        let (line, scenario) = (&comparison.lines[index / count], index % count);
                        row_ui(&mut row, comparison, line, scenario, lang, dark);
                    });
                });
        });
}

/// One scenario's row of one figure: the figure's name on its first row, the scenario's
/// title (underlined for the baseline; in full on hover), then each year and the horizon.
fn row_ui(
    row: &mut egui_extras::TableRow<'_, '_>,
    comparison: &Comparison,
    line: &Line,
    scenario: usize,
    lang: Lang,
    dark: bool,
) {
    let unit = line.measure.unit();
    row.col(|ui| {
        if scenario == 0 {
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.label(RichText::new(line.measure.header(lang)).strong());
            });
        }
    });
    row.col(|ui| {
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            let title = &comparison.titles[scenario];
            let mut text = RichText::new(title);
            if scenario == comparison.baseline {
                text = text.underline();
            }
            ui.add(egui::Label::new(text).truncate())
                .on_hover_text(title);
        });
    });
    let Some(values) = line.values.get(scenario) else {
        return;
    };
    for (column, value) in values.iter().enumerate() {
        row.col(|ui| {
            // Figures never wrap: the table scrolls sideways instead.
            ui.add(egui::Label::new(value.shown(unit, true, lang)).extend());
            if let Some(difference) = comparison.difference(line, scenario, column) {
                let text = difference_text(difference, dark, lang).small();
                ui.add(egui::Label::new(text).extend());
            }
        });
    }
}
