//! Rule sets: those built into Lindung (`assets/rules/*.ron`, compiled in) and those a
//! scenario file defines itself.

use std::sync::OnceLock;

use super::types::{RuleSet, Scenario};

/// The built-in rule sets' RON sources, by file.
const BUILT_IN_SOURCES: [(&str, &str); 1] = [(
    "permenaker_5_2021.ron",
    include_str!("../../assets/rules/permenaker_5_2021.ron"),
)];

/// The rule sets built into Lindung. A built-in file that does not parse is a build defect
/// caught by the tests; it is skipped (and logged) rather than crashing the app.
pub fn built_in() -> &'static [RuleSet] {
    static RULES: OnceLock<Vec<RuleSet>> = OnceLock::new();
    RULES.get_or_init(|| {
        BUILT_IN_SOURCES
            .iter()
            .filter_map(|(file, text)| match ron::from_str::<RuleSet>(text) {
                Ok(rules) => Some(rules),
                Err(e) => {
                    log::error!("built-in rule set {file} does not parse: {e}");
                    None
                }
            })
            .collect()
    })
}

/// The rule set a scenario names: its own definition first, then the built-in one.
pub fn resolve<'a>(scenario: &'a Scenario, id: &str) -> Option<&'a RuleSet> {
    scenario
        .rule_sets
        .iter()
        .find(|r| r.id == id)
        .or_else(|| built_in().iter().find(|r| r.id == id))
}

/// Ids of every rule set the scenario can use.
pub fn available_ids(scenario: &Scenario) -> Vec<String> {
    let mut ids: Vec<String> = scenario.rule_sets.iter().map(|r| r.id.clone()).collect();
    for rules in built_in() {
        if !ids.contains(&rules.id) {
            ids.push(rules.id.clone());
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_rule_set_parses() {
        for (file, text) in BUILT_IN_SOURCES {
            if let Err(e) = ron::from_str::<RuleSet>(text) {
                panic!("{file}: {e}");
            }
        }
        assert_eq!(built_in().len(), BUILT_IN_SOURCES.len());
    }
}
