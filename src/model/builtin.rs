//! Rule sets: those built into Lindung (`assets/rules/*.ron`, compiled in) and those a
//! plan defines itself.

use std::sync::OnceLock;

use super::plan::{IncomeBrackets, Plan, RuleSet};

/// The built-in rule sets' RON sources, by file.
const BUILT_IN_SOURCES: [(&str, &str); 2] = [
    (
        "permenaker_5_2021.ron",
        include_str!("../../assets/rules/permenaker_5_2021.ron"),
    ),
    (
        "bpu_2015.ron",
        include_str!("../../assets/rules/bpu_2015.ron"),
    ),
];

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

/// Used only if no built-in rule set carries a bracket table (a build defect the tests
/// catch): no table, so the declared income is taken as given.
static LOWEST_BRACKET_ONLY: IncomeBrackets = IncomeBrackets {
    rows: Vec::new(),
    source: String::new(),
};

/// The BPU income brackets that apply under `rules`: its own table, else the built-in one.
pub fn income_brackets(rules: &RuleSet) -> &IncomeBrackets {
    rules
        .income_brackets
        .as_ref()
        .or_else(|| built_in().iter().find_map(|r| r.income_brackets.as_ref()))
        .unwrap_or(&LOWEST_BRACKET_ONLY)
}

/// The rule set `id` among a plan's own `rule_sets`, then the built-in ones.
pub fn resolve_in<'a>(rule_sets: &'a [RuleSet], id: &str) -> Option<&'a RuleSet> {
    rule_sets
        .iter()
        .find(|r| r.id == id)
        .or_else(|| built_in().iter().find(|r| r.id == id))
}

/// The rule set a plan names: its own definition first, then the built-in one.
pub fn resolve<'a>(plan: &'a Plan, id: &str) -> Option<&'a RuleSet> {
    resolve_in(&plan.rule_sets, id)
}

/// Ids of every rule set the plan can use.
pub fn available_ids(plan: &Plan) -> Vec<String> {
    let mut ids: Vec<String> = plan.rule_sets.iter().map(|r| r.id.clone()).collect();
    for rules in built_in() {
        if !ids.contains(&rules.id) {
            ids.push(rules.id.clone());
        }
    }
    ids
}

#[cfg(test)]
#[allow(clippy::expect_used)]
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
        // Every built-in rule set carries the BPU bracket table: from Rp1 juta (JKK Rp10.000)
        // to Rp20,7 juta (JKK Rp207.000), rows in ascending order.
        for rules in built_in() {
            let table = rules.income_brackets.as_ref().expect("bracket table");
            let first = table.rows.first().expect("rows");
            let last = table.rows.last().expect("rows");
            assert_eq!(
                (first.nominal, last.nominal),
                (1_000_000, 20_700_000),
                "{}",
                rules.id
            );
            assert!(
                table
                    .rows
                    .windows(2)
                    .all(|w| w[0].from < w[1].from && w[0].nominal < w[1].nominal)
            );
            assert!(table.rows.iter().skip(1).all(|r| r.from <= r.nominal));
        }
    }
}
