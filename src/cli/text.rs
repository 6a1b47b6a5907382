//! The readable reports of `lindung run` and `lindung check`: per-year and per-month tables,
//! and what a migration changed.

use std::path::Path;

use comfy_table::{CellAlignment, ColumnConstraint, ContentArrangement, Table, Width, presets};

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::{Direction, Plan};
use crate::model::{ApbdBasis, MonthResult, Projection, RegionProjection, YearResult};
use crate::report::findings::Findings;
use crate::report::table::paying;
use crate::report::{Column, Measure, Style, YearTable};
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
    // What it all means, in one sentence, before the tables.
    let findings = Findings::of(scenario, projection, only);
    if let Some(findings) = &findings {
        text.push_str(&findings.summary(lang));
        text.push('\n');
    }

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

    if let Some(line) = findings.as_ref().and_then(|f| f.ucj_sentence(lang)) {
        text.push_str(&line);
        text.push('\n');
    }

    text.push('\n');
    if let Some(line) = findings
        .as_ref()
        .and_then(|f| f.scholarships_sentence(lang))
    {
        text.push_str(&line);
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
    if let Some(findings) = &findings {
        text.push_str(&findings.leverage_sentence(lang));
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

impl TableColumn {
    /// The table columns this choice shows, of those in `rows` (a payer or programme only
    /// when it pays something; the budget only in the budget-cap direction).
    fn columns(self, rows: &[YearResult], budget_mode: bool, lang: Lang) -> Vec<Column> {
        let measures: Vec<Measure> = match self {
            TableColumn::DeathsRange => return vec![Column::deaths_range(lang)],
            TableColumn::Pool => vec![Measure::Pool],
            TableColumn::EnrolledAvg => vec![Measure::EnrolledAvg],
            TableColumn::EnrolledEnd => vec![Measure::EnrolledEnd],
            TableColumn::Coverage => vec![Measure::Coverage],
            TableColumn::Ucj => vec![Measure::Ucj],
            TableColumn::Budget if budget_mode => vec![Measure::Budget],
            TableColumn::Budget | TableColumn::All => vec![],
            TableColumn::Cost => vec![Measure::CostTotal],
            TableColumn::Payers => paying(rows, Measure::payers()).collect(),
            TableColumn::Programmes => paying(rows, Measure::PROGRAMMES).collect(),
            TableColumn::ApbdShare => vec![Measure::ApbdShare],
            TableColumn::Deaths => vec![Measure::DeathsExpected],
            TableColumn::Benefits => vec![Measure::BenefitsPaid],
            TableColumn::Scholarships => vec![Measure::ScholarshipsPaid],
        };
        measures.into_iter().map(|m| Column::new(m, lang)).collect()
    }
}

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
    // The default columns fit TABLE_WIDTH (their headers wrap); columns the user chose are
    // drawn as wide as they need.
    let fit = columns.is_empty();
    let mut columns = vec![Column::new(Measure::Year, lang)];
    columns.extend(
        chosen
            .iter()
            .flat_map(|c| c.columns(rows, budget_mode, lang)),
    );
    let count = columns.len();
    let year_table = YearTable::with_columns(columns, rows, lang);
    let mut body = year_table.cells(Style::Short, lang);
    let header = body.remove(0);
    // The horizon row's label takes two lines ("Jumlah" over "2026–2030"), so the year
    // column stays narrow.
    if year_table.horizon.is_some()
        && let Some(label) = body.last_mut().and_then(|row| row.first_mut())
    {
        *label = label.replacen(' ', "\n", 1);
    }

    let mut table = Table::new();
    table.load_preset(presets::ASCII_MARKDOWN);
    if fit {
        table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(TABLE_WIDTH);
    }
    table.set_header(header.clone());
    // Numbers never wrap, nor does a word of a header ("Peserta", not "Pesert|a"); headers
    // wrap between words to keep the table near TABLE_WIDTH.
    let longest_word = |text: &str| text.split(' ').map(|w| w.chars().count()).max();
    let widest: Vec<u16> = (0..count)
        .map(|c| {
            body.iter()
                .flat_map(|row| row[c].lines().map(|line| line.chars().count()))
                .chain(longest_word(&header[c]))
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
