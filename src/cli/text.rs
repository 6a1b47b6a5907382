//! The readable reports of `lindung run` and `lindung check`: per-year and per-month tables,
//! and what a migration changed.

use std::path::Path;

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets};

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::{Direction, PayerKind, Plan};
use crate::model::{ApbdBasis, MonthResult, Projection, RegionProjection, YearResult};
use crate::scenario::{self, CURRENT_VERSION, Loaded};

/// The readable report: scenario header, a per-year table for the total and for each region
/// (or only for region `only`), each with a horizon row, and what a benefit means to a poor
/// family.
pub fn table_text(
    scenario: &Plan,
    projection: &Projection,
    only: Option<usize>,
    columns: &[TableColumn],
    lang: Lang,
) -> String {
    let mut text = String::new();
    let meta = &scenario.meta;
    text.push_str(&format!(
        "{} — {} ({})\n",
        meta.title, meta.region_name, meta.code
    ));
    let direction = match scenario.direction {
        Direction::CoverageTarget => lang.tr("cli.direction_coverage"),
        Direction::BudgetCap => lang.tr("cli.direction_budget"),
    };
    text.push_str(&lang.tr_args(
        "cli.subtitle",
        &[
            ("rule_set", meta.rule_set.clone()),
            ("direction", direction),
            ("first", scenario.horizon.first_year.to_string()),
            (
                "last",
                (scenario.horizon.first_year + scenario.horizon.years as i32 - 1).to_string(),
            ),
        ],
    ));
    text.push('\n');

    let budget_mode = scenario.direction == Direction::BudgetCap;
    let shown_regions: Vec<&RegionProjection> = match only {
        Some(index) => projection
            .regions
            .get(index)
            .map(AsRef::as_ref)
            .into_iter()
            .collect(),
        None => projection.regions.iter().map(AsRef::as_ref).collect(),
    };
    let blocks: Vec<(String, &[YearResult])> = match only {
        Some(_) => shown_regions.iter().map(|r| region_block(r)).collect(),
        None if projection.regions.len() > 1 => {
            std::iter::once((lang.tr("cli.total"), projection.total.as_slice()))
                .chain(shown_regions.iter().map(|r| region_block(r)))
                .collect()
        }
        None => vec![(lang.tr("cli.total"), projection.total.as_slice())],
    };
    // The rows the closing sentences speak of: the region shown, or the total.
    let (summary_rows, owed_later) = match shown_regions.first() {
        Some(r) if only.is_some() => (&r.years[..], r.scholarships_after_horizon),
        _ => (
            projection.total.as_slice(),
            projection.scholarships_after_horizon,
        ),
    };
    for (title, rows) in blocks {
        text.push_str(&format!("\n{title}\n"));
        text.push_str(&year_table(rows, budget_mode, columns, lang).to_string());
        text.push('\n');
    }

    for line in format::cut_lines(shown_regions.iter().copied(), scenario.direction, lang) {
        text.push_str(&line);
        text.push('\n');
    }

    if let Some(line) = format::aged_out_line(projection.years_of(only), lang) {
        text.push_str(&line);
        text.push('\n');
    }
    if scenario.direction == Direction::BudgetCap {
        for line in format::pool_months_lines(projection, lang) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    for line in format::unpaid_lines(projection, lang) {
        text.push_str(&line);
        text.push('\n');
    }
    if only.is_none()
        && let ApbdBasis::Regions { with_apbd, of } = projection.apbd_basis
        && with_apbd < of
    {
        text.push_str(&lang.tr_args(
            "apbd_basis.regions",
            &[("with", with_apbd.to_string()), ("of", of.to_string())],
        ));
        text.push('\n');
    }

    if let Some(target) = &meta.ucj_target {
        let reached = summary_rows
            .iter()
            .find(|row| row.ucj_pct() >= target.value);
        let last = summary_rows.last();
        let line = match (reached, last) {
            (Some(row), _) => lang.tr_args(
                "cli.ucj_reached",
                &[
                    ("target", format::percent(target.value, lang)),
                    ("year", row.year.to_string()),
                ],
            ),
            (None, Some(row)) => lang.tr_args(
                "cli.ucj_not_reached",
                &[
                    ("target", format::percent(target.value, lang)),
                    ("year", row.year.to_string()),
                    ("ucj", format::percent(row.ucj_pct(), lang)),
                ],
            ),
            (None, None) => String::new(),
        };
        text.push_str(&line);
        text.push('\n');
    }

    text.push('\n');
    if owed_later > 0.0 {
        text.push_str(&lang.tr_args(
            "scholarships_after",
            &[
                ("amount", format::rupiah_short(owed_later, lang)),
                (
                    "year",
                    (scenario.horizon.first_year + scenario.horizon.years as i32 - 1).to_string(),
                ),
            ],
        ));
        text.push('\n');
    }
    if let Some(c) = &projection.calibration {
        text.push_str(&format::calibration_text(c, lang));
        text.push('\n');
    }
    let mut months = format::poverty_month_args(projection, lang);
    months.push((
        "line",
        format::rupiah(
            scenario.assumptions.household_poverty_line.value as f64,
            lang,
        ),
    ));
    text.push_str(&lang.tr_args("cli.poverty_months", &months));
    text.push('\n');
    let sum = Projection::horizon_sum(summary_rows);
    text.push_str(&lang.tr_args(
        "cli.leverage",
        &[
            ("benefits", format::rupiah_short(sum.benefits_paid(), lang)),
            ("cost", format::rupiah_short(sum.cost_total as f64, lang)),
            ("ratio", format::decimal(sum.benefits_per_rupiah(), 2, lang)),
        ],
    ));
    if let Some(ratio) = sum.benefits_per_apbd_rupiah() {
        text.push(' ');
        text.push_str(&lang.tr_args(
            "cli.leverage_apbd",
            &[
                ("apbd", format::rupiah_short(sum.apbd_cost as f64, lang)),
                ("ratio", format::decimal(ratio, 2, lang)),
            ],
        ));
    }
    text.push('\n');
    text
}

/// A region's table title and rows.
fn region_block(region: &RegionProjection) -> (String, &[YearResult]) {
    (
        format!("{} ({})", region.name, region.code),
        region.years.as_slice(),
    )
}

/// A column of the readable year table (`lindung run --columns`); the year comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum TableColumn {
    Pool,
    EnrolledAvg,
    EnrolledEnd,
    Coverage,
    Ucj,
    /// The budget (budget-cap direction only).
    Budget,
    Cost,
    /// One column per payer that pays something.
    Payers,
    /// JKK, JKM (and JHT when chosen).
    Programmes,
    ApbdShare,
    /// Expected deaths.
    Deaths,
    /// The 90% range of deaths.
    DeathsRange,
    Benefits,
    Scholarships,
    /// Every column.
    All,
}

impl TableColumn {
    /// The columns shown by default (they fit 100 characters): the budget in the budget-cap
    /// direction, the share of APBD in the other.
    pub fn default_for(budget_mode: bool) -> [TableColumn; 7] {
        let money = if budget_mode {
            TableColumn::Budget
        } else {
            TableColumn::ApbdShare
        };
        [
            TableColumn::EnrolledEnd,
            TableColumn::Coverage,
            TableColumn::Ucj,
            money,
            TableColumn::Cost,
            TableColumn::Deaths,
            TableColumn::Benefits,
        ]
    }

    const EVERY: [TableColumn; 14] = [
        TableColumn::Pool,
        TableColumn::EnrolledAvg,
        TableColumn::EnrolledEnd,
        TableColumn::Coverage,
        TableColumn::Ucj,
        TableColumn::Budget,
        TableColumn::Cost,
        TableColumn::Payers,
        TableColumn::Programmes,
        TableColumn::ApbdShare,
        TableColumn::Deaths,
        TableColumn::DeathsRange,
        TableColumn::Benefits,
        TableColumn::Scholarships,
    ];
}

/// Widest the readable table is drawn (headers wrap to fit).
const TABLE_WIDTH: u16 = 100;

/// One column as drawn: whether the horizon row shows it (it adds up), its header and a row's
/// cell.
type Drawn = (bool, String, Box<dyn Fn(&YearResult) -> String>);

fn year_table(
    rows: &[YearResult],
    budget_mode: bool,
    columns: &[TableColumn],
    lang: Lang,
) -> Table {
    let chosen: Vec<TableColumn> = if columns.contains(&TableColumn::All) {
        TableColumn::EVERY.to_vec()
    } else if columns.is_empty() {
        TableColumn::default_for(budget_mode).to_vec()
    } else {
        columns.to_vec()
    };
    let mut drawn: Vec<Drawn> = vec![];
    for column in chosen {
        let header = |key: &str| lang.tr(key);
        match column {
            TableColumn::Pool => drawn.push((
                false,
                header("cli.col.pool"),
                Box::new(move |r| format::count(r.pool, lang)),
            )),
            TableColumn::EnrolledAvg => drawn.push((
                false,
                header("cli.col.enrolled_avg"),
                Box::new(move |r| format::people(r.enrolled_avg, lang)),
            )),
            TableColumn::EnrolledEnd => drawn.push((
                false,
                header("cli.col.enrolled_end"),
                Box::new(move |r| format::count(r.enrolled_end, lang)),
            )),
            TableColumn::Coverage => drawn.push((
                false,
                header("cli.col.coverage"),
                Box::new(move |r| format::percent(r.coverage_pct(), lang)),
            )),
            TableColumn::Ucj => drawn.push((
                false,
                header("cli.col.ucj"),
                Box::new(move |r| format::percent(r.ucj_pct(), lang)),
            )),
            TableColumn::Budget if budget_mode => drawn.push((
                true,
                header("cli.col.budget"),
                Box::new(move |r| {
                    r.budget
                        .map_or("–".into(), |b| format::rupiah_short(b as f64, lang))
                }),
            )),
            TableColumn::Budget => {}
            TableColumn::Cost => drawn.push((
                true,
                header("cli.col.cost"),
                Box::new(move |r| format::rupiah_short(r.cost_total as f64, lang)),
            )),
            TableColumn::Payers => {
                for payer in PayerKind::ALL {
                    if rows.iter().any(|r| r.cost_of(payer) != 0) {
                        drawn.push((
                            true,
                            lang.tr(&format!("ui.payer.{}", payer.id())),
                            Box::new(move |r| format::rupiah_short(r.cost_of(payer) as f64, lang)),
                        ));
                    }
                }
            }
            TableColumn::Programmes => {
                type Part = fn(&YearResult) -> i64;
                let parts: [(&str, Part); 3] = [
                    ("cli.col.cost_jkk", |r| r.cost_jkk),
                    ("cli.col.cost_jkm", |r| r.cost_jkm),
                    ("cli.col.cost_jht", |r| r.cost_jht),
                ];
                for (key, part) in parts {
                    if rows.iter().any(|r| part(r) != 0) {
                        drawn.push((
                            true,
                            header(key),
                            Box::new(move |r| format::rupiah_short(part(r) as f64, lang)),
                        ));
                    }
                }
            }
            TableColumn::ApbdShare => drawn.push((
                true,
                header("cli.col.apbd_share"),
                Box::new(move |r| {
                    r.apbd_share_pct()
                        .map_or("–".into(), |p| format::percent(p, lang))
                }),
            )),
            TableColumn::Deaths => drawn.push((
                true,
                header("cli.col.deaths_mean"),
                Box::new(move |r| format::decimal(r.deaths_expected, 1, lang)),
            )),
            TableColumn::DeathsRange => drawn.push((
                true,
                header("cli.col.deaths_range"),
                Box::new(move |r| {
                    let (low, high) = r.deaths_range();
                    format!(
                        "{}–{}",
                        format::people(low, lang),
                        format::people(high, lang)
                    )
                }),
            )),
            TableColumn::Benefits => drawn.push((
                true,
                header("cli.col.benefits"),
                Box::new(move |r| format::rupiah_short(r.benefits_paid(), lang)),
            )),
            TableColumn::Scholarships => drawn.push((
                true,
                header("cli.col.scholarships"),
                Box::new(move |r| format::rupiah_short(r.scholarships_paid, lang)),
            )),
            TableColumn::All => {}
        }
    }

    let mut table = Table::new();
    table.load_preset(presets::ASCII_MARKDOWN);
    // The default columns fit TABLE_WIDTH (their headers wrap); columns the user chose are
    // drawn as wide as they need.
    let fit = columns.is_empty();
    if fit {
        table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(TABLE_WIDTH);
    }
    let mut header = vec![lang.tr("cli.col.year")];
    header.extend(drawn.iter().map(|(_, h, _)| h.clone()));
    table.set_header(header);
    let cells = |label: String, r: &YearResult, horizon: bool| {
        let mut cells = vec![label];
        cells.extend(drawn.iter().map(|(sums, _, cell)| {
            // The horizon row shows only what adds up over the years.
            if horizon && !sums {
                String::new()
            } else {
                cell(r)
            }
        }));
        cells
    };
    let mut body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| cells(r.year.to_string(), r, false))
        .collect();
    if let (Some(first), Some(last)) = (rows.first(), rows.last())
        && rows.len() > 1
    {
        let label = lang.tr_args(
            "ui.table.horizon_row",
            &[
                ("from", first.year.to_string()),
                ("to", last.year.to_string()),
            ],
        );
        body.push(cells(label, &Projection::horizon_sum(rows), true));
    }
    // Numbers never wrap; headers wrap to keep the table within TABLE_WIDTH.
    let widest: Vec<u16> = (0..=drawn.len())
        .map(|c| {
            body.iter()
                .map(|row| row[c].chars().count())
                .max()
                .unwrap_or(0)
                .try_into()
                .unwrap_or(u16::MAX)
        })
        .collect();
    for row in body {
        table.add_row(row);
    }
    for (i, column) in table.column_iter_mut().enumerate() {
        if i > 0 {
            column.set_cell_alignment(CellAlignment::Right);
        }
        if fit {
            // The width counts the cell's padding, one space each side.
            let width = widest[i].saturating_add(2);
            column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
        }
    }
    table
}

/// For a file in an older format version: what migrating it changed, and how that moves
/// the total over the horizon (comparing with the old behaviour where the current format can
/// express it). Empty for a current file.
pub fn migration_text(file: &Path, loaded: &Loaded, projection: &Projection, lang: Lang) -> String {
    let Some(migration) = &loaded.migration else {
        return String::new();
    };
    let name = file.display().to_string();
    let mut text = lang.tr_args(
        "migrate.header",
        &[
            ("from", loaded.from_version.to_string()),
            ("to", CURRENT_VERSION.to_string()),
        ],
    );
    text.push('\n');
    for note in &migration.notes {
        text.push_str(&format!("  {}\n", note.render(&name, lang)));
    }
    if let Ok(before) = scenario::evaluate(&migration.as_before) {
        let (old, new) = (
            Projection::horizon_sum(&before.total),
            Projection::horizon_sum(&projection.total),
        );
        let money = |v: f64| format::rupiah_short(v, lang);
        let plan = &loaded.plan;
        let last_year = plan.horizon.first_year + plan.horizon.years as i32 - 1;
        text.push_str(&lang.tr_args(
            "migrate.effect",
            &[
                ("years", format!("{}–{last_year}", plan.horizon.first_year)),
                ("last_year", last_year.to_string()),
                ("cost_before", money(old.cost_total as f64)),
                ("cost_after", money(new.cost_total as f64)),
                ("ucj_before", format::percent(old.ucj_pct(), lang)),
                ("ucj_after", format::percent(new.ucj_pct(), lang)),
                (
                    "deaths_before",
                    format::decimal(old.deaths_expected, 1, lang),
                ),
                (
                    "deaths_after",
                    format::decimal(new.deaths_expected, 1, lang),
                ),
                ("benefits_before", money(old.benefits_paid())),
                ("benefits_after", money(new.benefits_paid())),
            ],
        ));
        text.push('\n');
    }
    text
}

/// The months as readable tables: the total (for several regions) and each region, or only
/// region `only`.
pub(super) fn monthly_text(
    plan: &Plan,
    projection: &Projection,
    months: &[Vec<MonthResult>],
    only: Option<usize>,
    lang: Lang,
) -> String {
    let total = months.len().saturating_sub(1);
    let blocks: Vec<(String, usize)> = match only {
        Some(i) => vec![(region_title(&projection.regions[i]), i)],
        None if projection.regions.len() > 1 => std::iter::once((lang.tr("cli.total"), total))
            .chain(
                projection
                    .regions
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (region_title(r), i)),
            )
            .collect(),
        None => vec![(lang.tr("cli.total"), total)],
    };
    let mut text = format!(
        "{} — {} ({})\n",
        plan.meta.title, plan.meta.region_name, plan.meta.code
    );
    for (title, index) in blocks {
        let mut table = Table::new();
        table.load_preset(presets::ASCII_MARKDOWN);
        table.set_header(
            [
                "cli.col.month",
                "cli.col.members",
                "cli.col.new",
                "cli.col.cut",
                "cli.col.cost",
                "cli.col.cost_jkk",
                "cli.col.cost_jkm",
                "cli.col.cost_jht",
                "cli.col.deaths_mean",
            ]
            .map(|k| lang.tr(k)),
        );
        for m in &months[index] {
            table.add_row([
                format!("{}-{:02}", m.year, m.month),
                format::count(m.members, lang),
                format::count(m.new, lang),
                format::count(m.cut, lang),
                format::rupiah(m.cost_total as f64, lang),
                format::rupiah(m.cost_jkk as f64, lang),
                format::rupiah(m.cost_jkm as f64, lang),
                format::rupiah(m.cost_jht as f64, lang),
                format::decimal(m.deaths_expected, 2, lang),
            ]);
        }
        for column in table.column_iter_mut().skip(1) {
            column.set_cell_alignment(CellAlignment::Right);
        }
        text.push_str(&format!("\n{title}\n{table}\n"));
    }
    text
}

fn region_title(region: &RegionProjection) -> String {
    format!("{} ({})", region.name, region.code)
}
