//! The files made for people, assembled once for the command line and the app: the Excel
//! workbook of a scenario and the PDF handout of one or several. The charts of a handout are
//! drawn by whoever calls (the app's chart code), so this module stays free of egui.

use crate::i18n::Lang;
use crate::model::Projection;
use crate::model::plan::Plan;
use crate::scenario;

use super::{pdf, xlsx};

/// A scenario to put in a file: its file's name (for the footer), the plan and its results.
pub struct Input<'a> {
    pub file: String,
    pub plan: &'a Plan,
    pub projection: &'a Projection,
}

/// The charts of one scenario as PNG images with their titles.
pub type Charts = Vec<(String, Vec<u8>)>;

/// The Excel workbook of `plan`.
pub fn workbook(plan: &Plan, projection: &Projection, lang: Lang) -> Result<Vec<u8>, String> {
    let months = scenario::evaluate_months(plan).map_err(|problems| {
        problems
            .iter()
            .map(|p| p.render("", lang))
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    // The plan was evaluated, so its rule set is known.
    let rules = crate::model::builtin::resolve(plan, &plan.meta.rule_set).ok_or_else(|| {
        lang.tr_args(
            "problem.unknown_rule_set",
            &[("id", plan.meta.rule_set.clone()), ("known", String::new())],
        )
    })?;
    xlsx::workbook(plan, projection, &months, rules, lang)
        .map_err(|e| lang.tr_args("problem.write", &[("detail", e.to_string())]))
}

/// The PDF handout of `inputs` (the first is the comparison's baseline), dated today. `charts`
/// draws a scenario's charts; `step` hears after each scenario's charts how many of all are
/// done and answers whether to go on. `None` when it was told to stop.
pub fn handout(
    inputs: &[Input<'_>],
    charts: &mut dyn FnMut(&Plan, &Projection) -> Result<Charts, String>,
    step: &mut dyn FnMut(usize, usize) -> bool,
    lang: Lang,
) -> Result<Option<Vec<u8>>, String> {
    let mut scenarios = Vec::new();
    for (done, input) in inputs.iter().enumerate() {
        scenarios.push(pdf::Scenario {
            file: input.file.clone(),
            plan: input.plan,
            projection: input.projection,
            charts: charts(input.plan, input.projection)?,
        });
        if !step(done + 1, inputs.len()) {
            return Ok(None);
        }
    }
    pdf::report(&scenarios, &today(lang), lang)
        .map(Some)
        .map_err(|e| lang.tr_args("problem.write", &[("detail", e)]))
}

/// Today's date as a report writes it: "27 November 2026".
pub fn today(lang: Lang) -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let names = match lang {
        Lang::Id => [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ],
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    };
    let name = names.get((month - 1) as usize).copied().unwrap_or_default();
    format!("{day} {name} {year}")
}
