//! The scenario file format: types, versions, load/save, validation, defaults.

pub mod defaults;
pub mod io;
pub mod problem;
pub mod rules;
pub mod types;
pub mod validate;
pub mod version;

pub use io::{load, parse, save, to_ron_string};
pub use problem::{Location, Problem};
pub use types::*;
pub use validate::validate;

use crate::model::{self, Projection};

/// Checks a scenario and, when it is valid, projects it under the rule set it names.
pub fn evaluate(scenario: &Scenario) -> Result<Projection, Vec<Problem>> {
    let problems = validate(scenario);
    if !problems.is_empty() {
        return Err(problems);
    }
    let rules = rules::resolve(scenario, &scenario.meta.rule_set).ok_or_else(|| {
        vec![Problem::at_field(
            "meta.rule_set",
            "problem.unknown_rule_set",
            vec![
                ("id", scenario.meta.rule_set.clone()),
                ("known", rules::available_ids(scenario).join(", ")),
            ],
        )]
    })?;
    model::project(scenario, rules).map_err(|e| {
        vec![Problem::new(
            Location::File,
            "problem.model",
            vec![("detail", e.to_string())],
        )]
    })
}

/// Reads, parses and checks a file: the scenario, or every problem found.
pub fn load_checked(path: &std::path::Path) -> Result<Scenario, Vec<Problem>> {
    let scenario = load(path)?;
    let problems = validate(&scenario);
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(problems)
    }
}
