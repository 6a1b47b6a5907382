//! The printed handout for the council: a PDF of a few A4 pages per scenario (title, region,
//! date, the summary sentences, the headline amounts in figures and in words, the charts, the
//! year table, every assumption with its source) and, for several scenarios, the comparison
//! table. Text is real, searchable text in an embedded (subset) font; every page's footer
//! names the files, a short fingerprint of each scenario's content and Lindung's version, so a
//! printed number can be traced to the exact file that made it.
//!
//! Written with krilla: a high-level PDF writer with font subsetting and proper text (ToUnicode)
//! in a small, pure-Rust dependency. typst-as-a-library would lay text out better but brings a
//! whole typesetting system (minutes more to build on the 2-core CI, megabytes more binary);
//! printpdf leaves font subsetting and text measuring to us. Pages are laid out first as data
//! (so the footer can say "page n of m"), then drawn.

use std::sync::Arc;

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};

use crate::format;
use crate::i18n::Lang;
use crate::model::Projection;
use crate::model::plan::{Direction, Plan};

mod layout;

use layout::{Item, Layout};

use crate::report::findings::Findings;
use crate::report::inputs::assumptions;
use crate::report::table::{Column, Measure, Style, YearTable, paying};
use crate::report::words::rupiah_with_words;

/// A4 portrait, in points.
const PAGE: (f32, f32) = (595.28, 841.89);
const MARGIN: f32 = 50.0;
/// The lowest a line of body text may end, above the footer.
const BOTTOM: f32 = PAGE.1 - 64.0;
const FOOTER_Y: f32 = PAGE.1 - 40.0;
const FOOTER_SIZE: f32 = 7.0;
const BODY: f32 = 10.0;
const SMALL: f32 = 8.0;
const INK: (u8, u8, u8) = (20, 20, 20);
const WEAK: (u8, u8, u8) = (95, 95, 95);
/// The app's accent green (`ui::theme`, light theme).
const ACCENT: (u8, u8, u8) = (0, 110, 70);
const SHADE: (u8, u8, u8) = (232, 240, 236);

/// The font of the text: egui's own (Ubuntu Light), so print and screen look alike.
const FONT: &[u8] = epaint_default_fonts::UBUNTU_LIGHT;

/// One scenario of a report.
pub struct Scenario<'a> {
    /// The file's name, for the footer.
    pub file: String,
    pub plan: &'a Plan,
    pub projection: &'a Projection,
    /// Charts with their titles (drawn by the app's chart code); empty when this Lindung has
    /// no GUI to draw them.
    pub charts: Vec<ChartImage>,
}

/// A chart as drawn: its title and its pixels (RGBA, row by row), put into the PDF as they
/// are (no PNG to encode and decode again).
#[derive(Clone, Debug, PartialEq)]
pub struct ChartImage {
    pub title: String,
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// A short fingerprint of a scenario's content: the CRC-32 of its standard RON text (without
/// the first line naming the Lindung that saved it), so two files with the same scenario
/// (whatever their layout, comments, or the Lindung that saved them) have the same one.
pub fn fingerprint(plan: &Plan) -> String {
    let text = crate::scenario::plan_text(plan).unwrap_or_default();
    format!("{:08x}", crc32fast::hash(text.as_bytes()))
}

/// The report of one or several scenarios (the first is the baseline of the comparison), in
/// `lang`, made on `date` (written as given): the bytes of a PDF file.
pub fn report(scenarios: &[Scenario<'_>], date: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let mut layout = Layout::new().ok_or("font")?;
    for (i, scenario) in scenarios.iter().enumerate() {
        if i > 0 {
            layout.new_page();
        }
        scenario_pages(&mut layout, scenario, date, lang);
    }
    if scenarios.len() > 1 {
        layout.new_page();
        comparison_pages(&mut layout, scenarios, lang);
    }
    let footer = scenarios
        .iter()
        .map(|s| {
            lang.tr_args(
                "pdf.footer_file",
                &[
                    ("file", s.file.clone()),
                    ("fingerprint", fingerprint(s.plan)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    draw(layout, &footer, lang)
}

fn scenario_pages(layout: &mut Layout, scenario: &Scenario<'_>, date: &str, lang: Lang) {
    let plan = scenario.plan;
    let projection = scenario.projection;
    let meta = &plan.meta;
    let rows = &projection.total;
    let (first, last) = (
        rows.first().map_or(0, |r| r.year),
        rows.last().map_or(0, |r| r.year),
    );
    layout.paragraph(meta.title.trim(), 18.0, INK);
    layout.paragraph(
        &format!(
            "{} ({}) · {first}–{last} · {}",
            meta.region_name.trim(),
            meta.code,
            lang.tr_args("pdf.made_on", &[("date", date.to_owned())])
        ),
        BODY,
        WEAK,
    );
    let Some(findings) = Findings::of(plan, projection, None) else {
        return;
    };
    layout.heading(&lang.tr("pdf.summary"), 13.0);
    layout.paragraph(&findings.summary(lang), 11.0, INK);
    for line in findings
        .ucj_sentence(lang)
        .into_iter()
        .chain([findings.leverage_sentence(lang)])
        .chain(findings.scholarships_sentence(lang))
    {
        layout.paragraph(&line, BODY, INK);
    }

    layout.heading(&lang.tr("pdf.headline"), 13.0);
    let years = format!("{first}–{last}");
    let mut headline: Vec<(String, String)> = Vec::new();
    if let Some(row) = rows.first() {
        headline.push((
            lang.tr_args("pdf.cost_first_year", &[("year", first.to_string())]),
            rupiah_with_words(row.cost_total, lang),
        ));
        let own = lang.tr_args("pdf.own_cost_first_year", &[("year", first.to_string())]);
        headline.push((own, rupiah_with_words(row.own_cost, lang)));
    }
    headline.push((
        lang.tr_args("pdf.cost_horizon", &[("years", years.clone())]),
        rupiah_with_words(findings.cost_sum, lang),
    ));
    headline.push((
        lang.tr_args("pdf.members_end", &[("year", last.to_string())]),
        format!(
            "{} ({} {})",
            format::count(findings.enrolled.last, lang),
            format::percent(findings.coverage_last_pct, lang),
            lang.tr("pdf.of_pool")
        ),
    ));
    headline.push((
        lang.tr("pdf.deaths_per_year"),
        format::decimal(findings.deaths_per_year, 1, lang),
    ));
    headline.push((
        lang.tr_args("pdf.benefits", &[("years", years)]),
        format::rupiah_short(findings.leverage.benefits, lang),
    ));
    let rows_of_headline: Vec<Vec<String>> =
        std::iter::once(vec![lang.tr("pdf.figure"), lang.tr("pdf.amount")])
            .chain(headline.into_iter().map(|(a, b)| vec![a, b]))
            .collect();
    layout.table(&rows_of_headline, &[2.0, 3.0], BODY, 9);

    layout.heading(&lang.tr("pdf.year_table"), 13.0);
    let mut measures = vec![
        Measure::Year,
        Measure::EnrolledEnd,
        Measure::Coverage,
        Measure::Ucj,
    ];
    if plan.direction == Direction::BudgetCap {
        measures.push(Measure::Budget);
    }
    measures.push(Measure::CostTotal);
    measures.extend(paying(rows, Measure::payers()));
    measures.extend([
        Measure::ApbdShare,
        Measure::DeathsExpected,
        Measure::BenefitsPaid,
    ]);
    let columns = measures.iter().map(|m| Column::new(*m, lang)).collect();
    let table = YearTable::with_columns(columns, rows, lang).cells(Style::Short, lang);
    let widths: Vec<f32> = measures
        .iter()
        .map(|m| if *m == Measure::Year { 1.3 } else { 1.0 })
        .collect();
    layout.table(&table, &widths, SMALL, 1);

    let chart_width = PAGE.0 - 2.0 * MARGIN;
    let chart_height = chart_width * 9.0 / 16.0;
    for chart in &scenario.charts {
        layout.heading_over(&chart.title, 13.0, chart_height);
        layout.image(Arc::new(chart.clone()), (chart_width, chart_height));
    }

    layout.heading(&lang.tr("pdf.assumptions"), 13.0);
    layout.paragraph(&lang.tr("pdf.assumptions_note"), SMALL, WEAK);
    let assumptions: Vec<Vec<String>> = std::iter::once(vec![
        lang.tr("cli.diff.col.place"),
        lang.tr("xlsx.col.value"),
        lang.tr("ui.source"),
    ])
    .chain(
        assumptions(plan, lang)
            .into_iter()
            .map(|input| vec![input.place, input.value.text(lang), input.source]),
    )
    .collect();
    layout.table(&assumptions, &[2.2, 1.0, 3.0], SMALL, 9);
}

/// The scenarios side by side over the horizon, each with its difference from the first.
fn comparison_pages(layout: &mut Layout, scenarios: &[Scenario<'_>], lang: Lang) {
    layout.heading(&lang.tr("pdf.comparison"), 13.0);
    let Some(base) = scenarios
        .first()
        .and_then(|s| Findings::of(s.plan, s.projection, None))
    else {
        return;
    };
    layout.paragraph(
        &lang.tr_args(
            "pdf.comparison_note",
            &[("baseline", base_title(&scenarios[0]))],
        ),
        BODY,
        WEAK,
    );
    let mut rows = vec![vec![
        lang.tr("pdf.scenario"),
        lang.tr("pdf.cost_sum"),
        lang.tr("cli.col.enrolled_end"),
        lang.tr("cli.col.ucj"),
        lang.tr("pdf.deaths_per_year"),
        lang.tr("cli.col.benefits"),
    ]];
    let money = |v: f64| format::rupiah_short(v, lang);
    let signed = |text: String, delta: f64| {
        if delta > 0.0 {
            format!("+{text}")
        } else {
            text
        }
    };
    for (index, scenario) in scenarios.iter().enumerate() {
        let Some(f) = Findings::of(scenario.plan, scenario.projection, None) else {
            continue;
        };
        // The baseline's second line says it is the baseline, not "+0".
        let baseline = lang.tr("pdf.baseline");
        let signed = |text: String, delta: f64| {
            if index == 0 {
                baseline.clone()
            } else {
                signed(text, delta)
            }
        };
        let last_ucj = scenario
            .projection
            .total
            .last()
            .map_or(0.0, |r| r.ucj_pct());
        let base_ucj = scenarios[0]
            .projection
            .total
            .last()
            .map_or(0.0, |r| r.ucj_pct());
        let cost_delta = (f.cost_sum - base.cost_sum) as f64;
        let members_delta = f.enrolled.last - base.enrolled.last;
        let deaths_delta = f.deaths_per_year - base.deaths_per_year;
        let benefits_delta = f.leverage.benefits - base.leverage.benefits;
        rows.push(vec![
            base_title(scenario),
            format!(
                "{}\n{}",
                money(f.cost_sum as f64),
                signed(money(cost_delta), cost_delta)
            ),
            format!(
                "{}\n{}",
                format::count(f.enrolled.last, lang),
                signed(format::count(members_delta, lang), members_delta as f64)
            ),
            format!(
                "{}\n{}",
                format::percent(last_ucj, lang),
                signed(
                    format!("{} pp", format::decimal(last_ucj - base_ucj, 1, lang)),
                    last_ucj - base_ucj
                )
            ),
            format!(
                "{}\n{}",
                format::decimal(f.deaths_per_year, 1, lang),
                signed(format::decimal(deaths_delta, 1, lang), deaths_delta)
            ),
            format!(
                "{}\n{}",
                money(f.leverage.benefits),
                signed(money(benefits_delta), benefits_delta)
            ),
        ]);
    }
    layout.table(&rows, &[2.4, 1.3, 1.2, 1.0, 1.0, 1.3], SMALL, 1);
}

fn base_title(scenario: &Scenario<'_>) -> String {
    let title = scenario.plan.meta.title.trim();
    if title.is_empty() {
        scenario.file.clone()
    } else {
        format!("{title} ({})", scenario.file)
    }
}

/// Draws the laid-out pages, each with its footer.
fn draw(layout: Layout, footer: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let font = Font::new(Arc::new(FONT.to_vec()).into(), 0).ok_or("font")?;
    let mut document = Document::new();
    let count = layout.pages.len();
    let version = env!("CARGO_PKG_VERSION");
    // Each page's footer, wrapped to the text width (several files make a long one).
    let footers: Vec<Vec<String>> = (0..count)
        .map(|index| {
            let text = lang.tr_args(
                "pdf.footer",
                &[
                    ("files", footer.to_owned()),
                    ("version", version.to_owned()),
                    ("page", (index + 1).to_string()),
                    ("pages", count.to_string()),
                ],
            );
            layout.wrap(&text, FOOTER_SIZE, PAGE.0 - 2.0 * MARGIN)
        })
        .collect();
    for (items, footer_lines) in layout.pages.into_iter().zip(footers) {
        let settings = PageSettings::from_wh(PAGE.0, PAGE.1).ok_or("page size")?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let fill = |(r, g, b): (u8, u8, u8)| Fill {
            paint: rgb::Color::new(r, g, b).into(),
            ..Fill::default()
        };
        for item in items {
            match item {
                Item::Text {
                    at,
                    size,
                    color,
                    text,
                } => {
                    surface.set_fill(Some(fill(color)));
                    surface.draw_text(
                        Point::from_xy(at.0, at.1),
                        font.clone(),
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Item::Image { at, size, image } => {
                    let image = Image::from_rgba8(image.rgba.clone(), image.width, image.height);
                    let size = Size::from_wh(size.0, size.1).ok_or("image size")?;
                    surface.push_transform(&Transform::from_translate(at.0, at.1));
                    surface.draw_image(image, size);
                    surface.pop();
                }
                Item::Shade { rect, color } => {
                    let mut path = PathBuilder::new();
                    if let Some(rect) = Rect::from_xywh(rect.0, rect.1, rect.2, rect.3) {
                        path.push_rect(rect);
                    }
                    if let Some(path) = path.finish() {
                        surface.set_fill(Some(fill(color)));
                        surface.draw_path(&path);
                    }
                }
            }
        }
        surface.set_fill(Some(fill(WEAK)));
        for (i, line) in footer_lines.iter().enumerate() {
            surface.draw_text(
                Point::from_xy(MARGIN, FOOTER_Y + i as f32 * FOOTER_SIZE * 1.3),
                font.clone(),
                FOOTER_SIZE,
                line,
                false,
                TextDirection::Auto,
            );
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}
