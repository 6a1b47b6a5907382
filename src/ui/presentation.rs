//! Presentation mode, for the regional council (DPRD): full screen, large type, no editor,
//! one message per slide — the headline figures with the summary sentence, each chart, the
//! comparison, the assumptions with their sources. →/PageDown/Space go on, ←/PageUp go back,
//! Home/End jump, Esc leaves. On a scenario's slides the presenter can change the levers the
//! council asks about (the first year's budget or the coverage target, and the first year)
//! and the slide follows at once; leaving asks whether to keep the change.

use egui::{Key, RichText};

use crate::format;
use crate::i18n::Lang;
use crate::model::levers;
use crate::model::plan::{Direction, Plan};
use crate::report::chart::{ChartSpec, Overlay};
use crate::report::compare::{Comparison, Entry, Scope};
use crate::report::findings::Findings;
use crate::report::inputs;

use super::chart_export::ChartKind;
use super::charts::{self, Place};
use super::editor::fields::{NumberKind, number_from_text};
use super::workspace::{DocId, Workspace};

/// One slide.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Slide {
    /// A scenario's headline figures, summary and levers.
    Headline(DocId),
    Chart(DocId, ChartKind),
    /// Every scenario over the horizon against the baseline.
    Comparison,
    Overlay(Overlay),
    /// A page of a scenario's assumptions (from 0), [`ASSUMPTIONS_PER_SLIDE`] at a time.
    Assumptions(DocId, usize),
}

/// Assumptions on one slide: each with its place, value and source (which may wrap to two or
/// three lines), readable from the back of the room on a 1024×768 projector.
const ASSUMPTIONS_PER_SLIDE: usize = 6;

/// What presenting ended with.
#[derive(Clone, Debug, PartialEq)]
pub enum Ended {
    /// Left without changing anything.
    Unchanged,
    /// Left after a what-if change: the scenarios as they were before, to restore if the
    /// presenter does not keep the change.
    Changed(Vec<(DocId, Plan)>),
}

pub struct Presentation {
    slide: usize,
    /// The tabs presented, the baseline first.
    tabs: Vec<DocId>,
    comparing: bool,
    /// Each presented scenario when the presentation began.
    before: Vec<(DocId, Plan)>,
    date: String,
}

impl Presentation {
    /// Presents the comparison of every open scenario, or the scenario in front.
    pub fn start(work: &Workspace, comparing: bool, date: String) -> Self {
        let comparing = comparing && work.count() > 1;
        let tabs: Vec<DocId> = if comparing {
            let baseline = work.baseline_id();
            std::iter::once(baseline)
                .chain(
                    work.tabs()
                        .iter()
                        .map(|t| t.id)
                        .filter(|id| *id != baseline),
                )
                .collect()
        } else {
            vec![work.active_id()]
        };
        let before = tabs
            .iter()
            .filter_map(|id| Some((*id, work.get(*id)?.doc.scenario.clone())))
            .collect();
        Self {
            slide: 0,
            tabs,
            comparing,
            before,
            date,
        }
    }

    fn slides(&self, work: &Workspace, lang: Lang) -> Vec<Slide> {
        let mut slides = Vec::new();
        if self.comparing {
            slides.extend(self.tabs.iter().map(|id| Slide::Headline(*id)));
            slides.push(Slide::Comparison);
            slides.extend(Overlay::ALL.map(Slide::Overlay));
        } else if let Some(id) = self.tabs.first() {
            slides.push(Slide::Headline(*id));
            slides.extend(ChartKind::ALL.map(|kind| Slide::Chart(*id, kind)));
        }
        for id in &self.tabs {
            let count = work
                .get(*id)
                .map_or(0, |tab| inputs::assumptions(&tab.doc.scenario, lang).len());
            let pages = count.div_ceil(ASSUMPTIONS_PER_SLIDE).max(1);
            slides.extend((0..pages).map(|page| Slide::Assumptions(*id, page)));
        }
        slides
    }

    /// Draws the slide over the whole window; returns how it ended once the presenter leaves.
    pub fn ui(&mut self, ui: &mut egui::Ui, work: &mut Workspace, lang: Lang) -> Option<Ended> {
        let slides = self.slides(work, lang);
        let last = slides.len().saturating_sub(1);
        // Navigation keys move between slides unless a lever's box has the keyboard.
        let typing = ui.ctx().memory(|m| m.focused().is_some());
        let (next, previous, home, end, escape) = ui.input_mut(|i| {
            let mut pressed = |keys: &[Key]| {
                // Every key of the list is consumed, not only the first pressed.
                keys.iter()
                    .filter(|key| i.consume_key(egui::Modifiers::NONE, **key))
                    .count()
                    > 0
            };
            if typing {
                (false, false, false, false, false)
            } else {
                (
                    pressed(&[Key::ArrowRight, Key::PageDown, Key::Space]),
                    pressed(&[Key::ArrowLeft, Key::PageUp]),
                    pressed(&[Key::Home]),
                    pressed(&[Key::End]),
                    pressed(&[Key::Escape]),
                )
            }
        });
        if escape {
            return Some(self.ended(work));
        }
        self.slide = match (next, previous, home, end) {
            (true, ..) => (self.slide + 1).min(last),
            (_, true, ..) => self.slide.saturating_sub(1),
            (_, _, true, _) => 0,
            (.., true) => last,
            _ => self.slide.min(last),
        };
        let Some(&slide) = slides.get(self.slide) else {
            return Some(self.ended(work));
        };
        let size = (ui.ctx().content_rect().height() / 34.0).clamp(16.0, 30.0);
        egui::CentralPanel::default().show(ui, |ui| {
            large_type(ui, size);
            self.header_ui(ui, work, size, lang);
            ui.separator();
            let footer = size * 2.2;
            let body = egui::vec2(ui.available_width(), ui.available_height() - footer);
            ui.allocate_ui(body, |ui| {
                ui.set_min_size(body);
                egui::ScrollArea::vertical()
                    .id_salt("slide")
                    .auto_shrink([false, false])
                    .show(ui, |ui| self.slide_ui(ui, slide, work, size, lang));
            });
            ui.separator();
            ui.horizontal(|ui| {
                ui.label(RichText::new(format!("{} / {}", self.slide + 1, last + 1)).strong());
                ui.label(RichText::new(lang.tr("ui.present.keys")).weak());
            });
        });
        None
    }

    fn ended(&self, work: &Workspace) -> Ended {
        let changed = self
            .before
            .iter()
            .any(|(id, plan)| work.get(*id).is_some_and(|t| t.doc.scenario != *plan));
        if changed {
            Ended::Changed(self.before.clone())
        } else {
            Ended::Unchanged
        }
    }

    /// The presented scenarios' titles, in the order of `tabs`.
    fn titles(&self, work: &Workspace, lang: Lang) -> Vec<String> {
        let untitled = lang.tr("ui.untitled");
        self.tabs
            .iter()
            .map(|id| {
                work.get(*id)
                    .map_or_else(|| untitled.clone(), |t| t.title(&untitled))
            })
            .collect()
    }

    /// The scenario titles, the region and the date, on every slide.
    fn header_ui(&self, ui: &mut egui::Ui, work: &Workspace, size: f32, lang: Lang) {
        let titles = self.titles(work, lang);
        ui.add(
            egui::Label::new(RichText::new(titles.join(" · ")).size(size * 1.3).strong()).wrap(),
        );
        let region = self
            .tabs
            .first()
            .and_then(|id| work.get(*id))
            .map(|t| t.doc.scenario.meta.region_name.trim().to_owned())
            .unwrap_or_default();
        ui.label(RichText::new(format!("{region} · {}", self.date)).weak());
    }

    fn slide_ui(
        &self,
        ui: &mut egui::Ui,
        slide: Slide,
        work: &mut Workspace,
        size: f32,
        lang: Lang,
    ) {
        let untitled = lang.tr("ui.untitled");
        match slide {
            Slide::Headline(id) => {
                let Some(tab) = work.get_mut(id) else { return };
                let title = tab.title(&untitled);
                if self.comparing {
                    ui.heading(title);
                }
                if let Some(projection) = &tab.doc.projection
                    && let Some(findings) = Findings::of(&tab.doc.scenario, projection, None)
                {
                    headline_ui(ui, &findings, size, lang);
                    ui.add_space(size * 0.5);
                    ui.add(egui::Label::new(findings.summary(lang)).wrap());
                }
                ui.add_space(size);
                levers_ui(ui, &mut tab.doc.scenario, size, lang);
            }
            Slide::Chart(id, kind) => {
                let Some(tab) = work.get_mut(id) else { return };
                ui.heading(kind.title(lang));
                levers_ui(ui, &mut tab.doc.scenario, size, lang);
                let doc = &tab.doc;
                let Some(projection) = &doc.projection else {
                    return;
                };
                let rows = &projection.total;
                match kind {
                    ChartKind::Coverage => {
                        let target = doc.scenario.meta.ucj_target.as_ref();
                        let _drawn_only =
                            charts::coverage_ui(ui, rows, Place::Page, target, false, lang);
                    }
                    ChartKind::Budget => {
                        charts::budget_ui(ui, rows, Place::Page, doc.scenario.direction, lang)
                    }
                    ChartKind::Protection => {
                        let owed = projection.scholarships_after_horizon;
                        charts::protection_ui(ui, rows, Place::Page, projection, owed, lang);
                    }
                }
            }
            Slide::Comparison => {
                ui.heading(lang.tr("ui.present.comparison"));
                let titles = self.titles(work, lang);
                let entries = entries(&self.tabs, work, &titles);
                let comparison = Comparison::of(&entries, 0, &Scope::Total);
                horizon_table_ui(ui, &comparison, size, lang);
            }
            Slide::Overlay(overlay) => {
                let titles = self.titles(work, lang);
                let entries = entries(&self.tabs, work, &titles);
                let spec = ChartSpec::overlay(overlay, &entries, 0, &Scope::Total, lang);
                let height = (ui.available_height() - size * 2.0).max(200.0);
                charts::spec_ui(ui, &spec, height, None, lang);
            }
            Slide::Assumptions(id, page) => {
                let Some(tab) = work.get(id) else { return };
                let all = inputs::assumptions(&tab.doc.scenario, lang);
                let pages = all.len().div_ceil(ASSUMPTIONS_PER_SLIDE).max(1);
                let mut heading =
                    lang.tr_args("ui.present.assumptions", &[("title", tab.title(&untitled))]);
                if pages > 1 {
                    heading.push_str(&format!(" ({}/{pages})", page + 1));
                }
                ui.heading(heading);
                // Place, value and source side by side, each wrapping in its share of the width.
                let width = ui.available_width() - size * 2.0;
                let widths = [width * 0.34, width * 0.16, width * 0.5];
                let shown = all
                    .into_iter()
                    .skip(page * ASSUMPTIONS_PER_SLIDE)
                    .take(ASSUMPTIONS_PER_SLIDE);
                for input in shown {
                    let texts = [
                        RichText::new(input.place),
                        RichText::new(input.value.text(lang)).strong(),
                        RichText::new(input.source).weak(),
                    ];
                    ui.horizontal_top(|ui| {
                        ui.spacing_mut().item_spacing.x = size;
                        for (text, width) in texts.into_iter().zip(widths) {
                            ui.allocate_ui_with_layout(
                                egui::vec2(width, 0.0),
                                egui::Layout::top_down(egui::Align::Min),
                                |ui| {
                                    ui.set_width(width);
                                    ui.add(egui::Label::new(text).wrap());
                                },
                            );
                        }
                    });
                    ui.separator();
                }
            }
        }
    }
}

/// The presented scenarios with results, the baseline first.
fn entries<'a>(tabs: &[DocId], work: &'a Workspace, titles: &'a [String]) -> Vec<Entry<'a>> {
    tabs.iter()
        .zip(titles)
        .filter_map(|(id, title)| {
            let tab = work.get(*id)?;
            Some(Entry {
                title,
                plan: &tab.doc.scenario,
                projection: tab.doc.projection.as_ref()?,
            })
        })
        .collect()
}

/// Bigger text everywhere on the slide, and the strongest text colour for body text (high
/// contrast on a projector).
fn large_type(ui: &mut egui::Ui, size: f32) {
    let style = ui.style_mut();
    for (text_style, font) in &mut style.text_styles {
        font.size = match text_style {
            egui::TextStyle::Heading => size * 1.6,
            egui::TextStyle::Small => size * 0.75,
            _ => size,
        };
    }
    style.spacing.interact_size.y = size * 1.6;
    style.spacing.button_padding = egui::vec2(size * 0.6, size * 0.3);
    style.visuals.override_text_color = Some(style.visuals.strong_text_color());
}

/// The headline figures, each large with its label under it.
fn headline_ui(ui: &mut egui::Ui, findings: &Findings, size: f32, lang: Lang) {
    let years = format!("{}–{}", findings.first_year, findings.last_year);
    let figures = [
        (
            format::rupiah_short(findings.cost_sum as f64, lang),
            lang.tr_args("ui.present.cost", &[("years", years.clone())]),
        ),
        (
            format::count(findings.enrolled.last, lang),
            lang.tr_args(
                "ui.present.protected",
                &[("year", findings.last_year.to_string())],
            ),
        ),
        (
            format::decimal(findings.deaths_per_year, 0, lang),
            lang.tr("ui.present.families"),
        ),
        (
            format::rupiah_short(findings.leverage.benefits, lang),
            lang.tr_args("ui.present.benefits", &[("years", years)]),
        ),
    ];
    // Four figures side by side on a wide screen, two by two on a projector.
    let columns = if ui.available_width() > size * 40.0 {
        4
    } else {
        2
    };
    let gap = size * 1.5;
    let cell = (ui.available_width() - gap * (columns - 1) as f32) / columns as f32;
    for row in figures.chunks(columns) {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            for (value, label) in row {
                ui.allocate_ui_with_layout(
                    egui::vec2(cell, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(cell);
                        ui.add(
                            egui::Label::new(RichText::new(value).size(size * 2.0).strong()).wrap(),
                        );
                        ui.add(egui::Label::new(label.as_str()).wrap());
                    },
                );
            }
        });
        ui.add_space(size * 0.5);
    }
}

/// The levers with large controls: the first year's budget (budget cap) or the coverage
/// target, and the first year. Returns nothing: they edit `plan`, which the app recomputes.
fn levers_ui(ui: &mut egui::Ui, plan: &mut Plan, size: f32, lang: Lang) {
    ui.horizontal(|ui| match plan.direction {
        Direction::BudgetCap => {
            let mut budget = levers::first_year_budget(plan);
            let label = ui.label(lang.tr_args(
                "ui.present.budget",
                &[("year", plan.horizon.first_year.to_string())],
            ));
            let step = (budget / 10).max(1_000_000);
            if ui
                .button(format!("− {}", format::rupiah_short(step as f64, lang)))
                .clicked()
            {
                budget = budget.saturating_sub(step);
            }
            ui.add(
                egui::DragValue::new(&mut budget)
                    .range(0..=crate::model::limits::MAX_RUPIAH)
                    .speed(step as f64 / 20.0)
                    .custom_formatter(move |v, _| format::rupiah_short(v, lang)),
            )
            .labelled_by(label.id);
            if ui
                .button(format!("+ {}", format::rupiah_short(step as f64, lang)))
                .clicked()
            {
                budget = budget.saturating_add(step);
            }
            if budget != levers::first_year_budget(plan) {
                levers::set_first_year_budget(plan, budget);
            }
        }
        Direction::CoverageTarget => {
            let last_year = plan.horizon.first_year + plan.horizon.years as i32 - 1;
            let label =
                ui.label(lang.tr_args("ui.present.target", &[("year", last_year.to_string())]));
            match levers::target_pct(plan) {
                Some(before) => {
                    let mut target = before;
                    if ui.button("− 5").clicked() {
                        target -= 5.0;
                    }
                    ui.add(
                        egui::DragValue::new(&mut target)
                            .range(0.0..=100.0)
                            .speed(0.5)
                            // "62,5 %" with the decimal comma, as the rest of the slide.
                            .custom_formatter(move |v, _| {
                                format!("{} %", crate::format::decimal(v, 1, lang))
                            })
                            .custom_parser(move |text| {
                                let number = text.trim().trim_end_matches('%').trim();
                                number_from_text(number, lang, NumberKind::Decimal)
                            }),
                    )
                    .labelled_by(label.id);
                    if ui.button("+ 5").clicked() {
                        target += 5.0;
                    }
                    if target != before {
                        levers::set_target_pct(plan, target);
                    }
                }
                None => {
                    ui.label(RichText::new(lang.tr("ui.present.target_differs")).weak());
                }
            }
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label(lang.tr("ui.present.first_year"));
        let mut year = plan.horizon.first_year;
        if ui.button("− 1").clicked() {
            year -= 1;
        }
        ui.add(egui::DragValue::new(&mut year).range(2015..=2100))
            .labelled_by(label.id);
        if ui.button("+ 1").clicked() {
            year += 1;
        }
        plan.horizon.first_year = year.clamp(2015, 2100);
    });
    ui.add_space(size * 0.3);
}

/// The comparison over the horizon: a row per headline figure (the payers are in the app's
/// table), a column per scenario, each value with its difference from the baseline (the first)
/// beside it; titles and cells wrap to share the width, so nothing is cut off.
fn horizon_table_ui(ui: &mut egui::Ui, comparison: &Comparison, size: f32, lang: Lang) {
    use crate::report::Measure;
    let horizon = comparison.years.len();
    let dark = ui.visuals().dark_mode;
    let lines: Vec<_> = comparison
        .lines
        .iter()
        .filter(|l| !matches!(l.measure, Measure::Payer(_)))
        .collect();
    let label_width = (ui.available_width() * 0.22).min(size * 12.0);
    let gap = size * 0.8;
    let count = comparison.titles.len().max(1);
    let cell = (ui.available_width() - label_width - gap * count as f32) / count as f32;
    let row = |ui: &mut egui::Ui, first: RichText, cells: Vec<RichText>| {
        ui.horizontal_top(|ui| {
            ui.spacing_mut().item_spacing.x = gap;
            let column = |ui: &mut egui::Ui, width: f32, text: RichText| {
                ui.allocate_ui_with_layout(
                    egui::vec2(width, 0.0),
                    egui::Layout::top_down(egui::Align::Min),
                    |ui| {
                        ui.set_width(width);
                        ui.add(egui::Label::new(text).wrap());
                    },
                );
            };
            column(ui, label_width, first);
            for text in cells {
                column(ui, cell, text);
            }
        });
        ui.separator();
    };
    row(
        ui,
        RichText::new(lang.tr("ui.compare.horizon")).weak(),
        comparison
            .titles
            .iter()
            .map(|t| RichText::new(t).strong())
            .collect(),
    );
    for line in lines {
        let cells = line
            .values
            .iter()
            .enumerate()
            .map(|(scenario, values)| {
                let shown = values
                    .get(horizon)
                    .map_or_else(String::new, |v| v.shown(line.measure.unit(), true, lang));
                match comparison.difference(line, scenario, horizon) {
                    Some(d) => {
                        let difference = super::compare::difference_text(d, dark, lang);
                        let text =
                            RichText::new(format!("{shown}  {}", difference.text())).strong();
                        match super::compare::sign_colour(d.sign(), dark) {
                            Some(c) => text.color(c),
                            None => text,
                        }
                    }
                    None => RichText::new(shown).strong(),
                }
            })
            .collect();
        row(ui, RichText::new(line.measure.header(lang)), cells);
    }
}
