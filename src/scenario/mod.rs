//! The scenario file format: versions, migration, load/save, validation. It reads and writes
//! the model's [`Plan`](crate::model::plan::Plan); the model never imports this module.

pub mod file;
pub mod io;
pub mod locate;
pub mod migrate;
pub mod problem;
pub mod v1;
pub mod v2;
pub mod validate;
pub mod version;

pub use io::{load, parse, plan_text, save, to_ron_string};
pub use problem::{Location, Problem};
pub use validate::{suspicious, validate};
pub use version::{CURRENT_VERSION, Loaded};

use crate::model::builtin;
use crate::model::plan::{Plan, RuleSet};
use crate::model::{self, MonthResult, Projection};

/// Checks a plan and, when it is valid, projects it under the rule set it names.
pub fn evaluate(plan: &Plan) -> Result<Projection, Vec<Problem>> {
    evaluate_reusing(plan, None)
}

/// Like [`evaluate`], reusing the regions of an earlier projection that did not change (see
/// [`model::project_reusing`]).
pub fn evaluate_reusing(
    plan: &Plan,
    previous: Option<(&Plan, &Projection)>,
) -> Result<Projection, Vec<Problem>> {
    let rules = checked_rules(plan)?;
    model::project_reusing(plan, rules, previous).map_err(|e| vec![model_problem(&e)])
}

/// Like [`evaluate`], month by month: each region's months, then the total's.
pub fn evaluate_months(plan: &Plan) -> Result<Vec<Vec<MonthResult>>, Vec<Problem>> {
    let rules = checked_rules(plan)?;
    model::project_months(plan, rules).map_err(|e| vec![model_problem(&e)])
}

/// The rule set of a plan whose values are all valid; otherwise every problem.
fn checked_rules(plan: &Plan) -> Result<&RuleSet, Vec<Problem>> {
    let problems = validate(plan);
    if !problems.is_empty() {
        return Err(problems);
    }
    builtin::resolve(plan, &plan.meta.rule_set).ok_or_else(|| {
        vec![Problem::at_field(
            crate::model::plan::field::plan().meta().rule_set(),
            "problem.unknown_rule_set",
            vec![
                ("id", plan.meta.rule_set.clone()),
                ("known", builtin::available_ids(plan).join(", ")),
            ],
        )]
    })
}

fn model_problem(error: &model::ModelError) -> Problem {
    Problem::new(
        Location::File,
        "problem.model",
        vec![("detail", error.to_string())],
    )
}

/// Reads, parses and checks a file: the plan (with what a migration changed), or every
/// problem found.
pub fn load_checked(path: &std::path::Path) -> Result<Loaded, Vec<Problem>> {
    let loaded = load(path)?;
    let problems = validate(&loaded.plan);
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(problems)
    }
}
