//! The scenario file format: versions, migration, load/save, validation. It reads and writes
//! the model's [`Plan`](crate::model::plan::Plan); the model never imports this module.

pub mod io;
pub mod migrate;
pub mod problem;
pub mod v1;
pub mod v2;
pub mod validate;
pub mod version;

pub use io::{load, parse, save, to_ron_string};
pub use problem::{Location, Problem};
pub use validate::validate;
pub use version::{CURRENT_VERSION, Loaded};

use crate::model::builtin;
use crate::model::plan::Plan;
use crate::model::{self, Projection};

/// Checks a plan and, when it is valid, projects it under the rule set it names.
pub fn evaluate(plan: &Plan) -> Result<Projection, Vec<Problem>> {
    let problems = validate(plan);
    if !problems.is_empty() {
        return Err(problems);
    }
    let rules = builtin::resolve(plan, &plan.meta.rule_set).ok_or_else(|| {
        vec![Problem::at_field(
            "meta.rule_set",
            "problem.unknown_rule_set",
            vec![
                ("id", plan.meta.rule_set.clone()),
                ("known", builtin::available_ids(plan).join(", ")),
            ],
        )]
    })?;
    model::project(plan, rules).map_err(|e| {
        vec![Problem::new(
            Location::File,
            "problem.model",
            vec![("detail", e.to_string())],
        )]
    })
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
