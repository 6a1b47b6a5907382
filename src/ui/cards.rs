//! Key-number cards: each shows a figure for the chosen year (large) and for the whole
//! horizon (below it).

use egui::RichText;

use crate::format;
use crate::i18n::Lang;
use crate::model::YearResult;
use crate::model::plan::Direction;
use crate::report::Measure;
use crate::report::compare::{Difference, Sign};

struct Card {
    key: &'static str,
    year: String,
    /// Extra lines for the year (range, budget used …).
    detail: Option<String>,
    horizon: String,
    /// The figure compared with the baseline's, when there is one.
    measure: Option<Measure>,
}

/// The baseline scenario's figures beside the cards: its title, the same calendar year (if it
/// has it) and its horizon, for the same region (matched by code) or the total.
pub struct Versus<'a> {
    pub title: &'a str,
    pub row: Option<&'a YearResult>,
    pub horizon: YearResult,
}

#[expect(
    clippy::too_many_arguments,
    reason = "the figures a card row shows, each once"
)]
pub fn ui(
    ui: &mut egui::Ui,
    row: &YearResult,
    horizon: &YearResult,
    years: usize,
    direction: Direction,
    ucj_target: Option<f64>,
    versus: Option<&Versus<'_>>,
    lang: Lang,
) {
    let rp = |v: f64| format::rupiah_short(v, lang);
    // Shares of an APBD are often below 1%: show two decimals there (0,31%).
    let share = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format::percent(v, lang));
    let budget_card = match direction {
        Direction::CoverageTarget => Card {
            key: "ui.card.budget_needed",
            year: rp(row.cost_total as f64),
            detail: Some(lang.tr_args(
                "ui.card.per_worker",
                &[("value", format::rupiah(row.cost_per_worker() / 12.0, lang))],
            )),
            horizon: rp(horizon.cost_total as f64),
            measure: Some(Measure::CostTotal),
        },
        Direction::BudgetCap => Card {
            key: "ui.card.budget_used",
            year: rp(row.cost_total as f64),
            detail: Some(lang.tr_args(
                "ui.card.budget_detail",
                &[
                    ("budget", rp(row.budget.unwrap_or(0) as f64)),
                    ("unspent", rp(row.unspent().unwrap_or(0) as f64)),
                ],
            )),
            horizon: lang.tr_args(
                "ui.card.budget_detail",
                &[
                    ("budget", rp(horizon.budget.unwrap_or(0) as f64)),
                    ("unspent", rp(horizon.unspent().unwrap_or(0) as f64)),
                ],
            ),
            measure: Some(Measure::CostTotal),
        },
    };
    let cards = [
        budget_card,
        Card {
            key: "ui.card.apbd_share",
            year: share(row.apbd_share_pct()),
            detail: Some(lang.tr_args(
                "ui.card.apbd_of",
                &[("apbd", row.apbd_total.map_or_else(|| "–".to_owned(), rp))],
            )),
            horizon: share(horizon.apbd_share_pct()),
            measure: Some(Measure::ApbdShare),
        },
        Card {
            key: "ui.card.enrolled",
            year: people(row.enrolled_end as f64, lang),
            detail: Some(lang.tr_args(
                "ui.card.new_members",
                &[("count", format::count(row.enrolled_new, lang))],
            )),
            horizon: lang.tr_args(
                "ui.card.new_members",
                &[("count", format::count(horizon.enrolled_new, lang))],
            ),
            measure: Some(Measure::EnrolledEnd),
        },
        Card {
            key: "ui.card.coverage",
            year: format::percent(row.coverage_pct(), lang),
            detail: Some(lang.tr_args(
                "ui.card.of_pool",
                &[("pool", people(row.pool as f64, lang))],
            )),
            horizon: format::percent(horizon.coverage_pct(), lang),
            measure: Some(Measure::Coverage),
        },
        Card {
            key: "ui.card.ucj",
            year: format::percent(row.ucj_pct(), lang),
            detail: ucj_target.map(|target| {
                lang.tr_args(
                    "ui.card.target",
                    &[("target", format::percent(target, lang))],
                )
            }),
            horizon: format::percent(horizon.ucj_pct(), lang),
            measure: Some(Measure::Ucj),
        },
        Card {
            key: "ui.card.families",
            year: format::people(row.deaths_expected + row.accident_claims, lang),
            detail: Some(families_detail(row, lang)),
            horizon: families_detail(horizon, lang),
            measure: None,
        },
        Card {
            key: "ui.card.benefits",
            year: rp(row.benefits_paid()),
            detail: Some(lang.tr_args(
                "ui.card.scholarships",
                &[("value", rp(row.scholarships_paid))],
            )),
            horizon: rp(horizon.benefits_paid()),
            measure: Some(Measure::BenefitsPaid),
        },
        Card {
            key: "ui.card.per_rupiah",
            year: per_rupiah(row.benefits_per_rupiah(), lang),
            detail: row.benefits_per_apbd_rupiah().map(|ratio| {
                lang.tr_args(
                    "ui.card.per_apbd_rupiah",
                    &[("value", per_rupiah(ratio, lang))],
                )
            }),
            horizon: per_rupiah(horizon.benefits_per_rupiah(), lang),
            measure: Some(Measure::BenefitsPerRupiah),
        },
    ];
    let first = horizon.year + 1 - years as i32;
    let horizon_label = format!("{first}–{}", horizon.year);
    let width = ((ui.available_width() - 3.0 * 8.0) / 4.0).max(120.0);
    // Cards of a row are as tall as its tallest card's content (measured the frame before).
    let heights_id = ui.scope_id().with("card_heights");
    let tallest: [f32; 2] = ui.data(|d| d.get_temp(heights_id)).unwrap_or_default();
    let mut measured = [0.0_f32; 2];
    egui::Grid::new("cards")
        .num_columns(4)
        .spacing([8.0, 8.0])
        .show(ui, |ui| {
            for (i, card) in cards.iter().enumerate() {
                let line = (i / 4).min(1);
                let against = versus.and_then(|v| against(card.measure?, row, horizon, v, lang));
                let height = card_ui(
                    ui,
                    card,
                    row.year,
                    &horizon_label,
                    against,
                    (width, tallest[line]),
                    lang,
                );
                measured[line] = measured[line].max(height);
                if i % 4 == 3 {
                    ui.end_row();
                }
            }
        });
    if measured != tallest {
        ui.data_mut(|d| d.insert_temp(heights_id, measured));
        ui.ctx().request_repaint();
    }
}

/// A card's figure against the baseline's: "vs Pembanding: +Rp1,2 miliar · 2026–2030
/// +Rp6 miliar", coloured by the year's sign.
fn against(
    measure: Measure,
    row: &YearResult,
    horizon: &YearResult,
    versus: &Versus<'_>,
    lang: Lang,
) -> Option<(String, Sign)> {
    let difference = |a: &YearResult, b: &YearResult| {
        Difference::between(measure, measure.value(a), measure.value(b))
    };
    let over_horizon = difference(horizon, &versus.horizon);
    let year = versus.row.map(|b| difference(row, b));
    let sign = year.unwrap_or(over_horizon).sign();
    let text = lang.tr_args(
        "ui.card.versus",
        &[
            ("title", versus.title.to_owned()),
            (
                "year",
                year.map_or_else(|| "–".to_owned(), |d| d.text(lang)),
            ),
            ("horizon", over_horizon.text(lang)),
        ],
    );
    Some((text, sign))
}

/// One card, `size` wide and at least as tall as given; returns the height its content needs.
fn card_ui(
    ui: &mut egui::Ui,
    card: &Card,
    year: i32,
    horizon: &str,
    against: Option<(String, Sign)>,
    (width, min_height): (f32, f32),
    lang: Lang,
) -> f32 {
    let Card {
        key,
        year: value,
        detail,
        horizon: total,
        measure: _,
    } = card;
    egui::Frame::group(ui.style())
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(width - 18.0);
            ui.set_min_height(min_height);
            ui.vertical(|ui| {
                ui.label(
                    RichText::new(format!("{} · {year}", lang.tr(key)))
                        .small()
                        .weak(),
                )
                .on_hover_text(lang.tr(&format!("{key}_help")));
                ui.label(RichText::new(value).size(20.0).strong());
                if let Some(detail) = detail {
                    ui.label(RichText::new(detail).small());
                }
                ui.label(RichText::new(format!("{horizon}: {total}")).small().weak());
                if let Some((text, sign)) = against {
                    let mut text = RichText::new(text).small();
                    if let Some(colour) = super::compare::sign_colour(sign, ui.visuals().dark_mode)
                    {
                        text = text.color(colour);
                    }
                    ui.add(egui::Label::new(text).wrap());
                }
            })
            .response
            .rect
            .height()
        })
        .inner
}

fn people(value: f64, lang: Lang) -> String {
    lang.tr_args("ui.people", &[("count", format::people(value, lang))])
}

/// Benefits per Rp1: "Rp2,35".
fn per_rupiah(value: f64, lang: Lang) -> String {
    format!("Rp{}", format::decimal(value, 2, lang))
}

/// Families reached: deaths (with their 90% range) and work-accident claims.
fn families_detail(row: &YearResult, lang: Lang) -> String {
    lang.tr_args(
        "ui.card.families_detail",
        &[
            ("deaths", format::people(row.deaths_expected, lang)),
            ("low", format::people(row.deaths_range().0, lang)),
            ("high", format::people(row.deaths_range().1, lang)),
            ("accidents", format::people(row.accident_claims, lang)),
        ],
    )
}
