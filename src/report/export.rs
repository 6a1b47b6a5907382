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

/// The charts of one scenario, with their titles.
pub type Charts = Vec<pdf::ChartImage>;

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
    pdf::report(&scenarios, &crate::format::today(lang), lang)
        .map(Some)
        .map_err(|e| lang.tr_args("problem.write", &[("detail", e)]))
}
