//! Input that is valid but probably not what was meant: warned about (never refused), in
//! `lindung check` and the app.

use super::plain;
use crate::model::plan::field::plan as root;
use crate::model::plan::{Basis, Budget, Direction, Level, Plan};
use crate::scenario::problem::{Problem, placed};

/// Every suspicious value of a (valid) plan, with where it is.
pub fn suspicious(plan: &Plan) -> Vec<Problem> {
    let at = root();
    let mut warnings = Vec::new();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, region) in plan.regions.iter().enumerate() {
        let code = region.code.trim();
        // Two regions with one code: probably a copy whose code was not changed.
        if let Some(&first) = seen.get(code) {
            warnings.push(Problem::at_field(
                at.region(i).code(),
                "warning.same_code",
                vec![
                    ("code", code.to_owned()),
                    ("other", plan.regions[first].name.clone()),
                ],
            ));
        } else {
            seen.insert(code, i);
        }
        // A province's plan whose region lies in another province.
        let owner = plan.meta.code.trim();
        if plan.meta.level == Level::Provinsi
            && region.level != Level::Provinsi
            && !owner.is_empty()
            && !code.starts_with(&format!("{owner}."))
        {
            warnings.push(Problem::at_field(
                at.region(i).code(),
                "warning.outside_province",
                vec![
                    ("code", code.to_owned()),
                    ("province", plan.meta.region_name.clone()),
                    ("owner", owner.to_owned()),
                ],
            ));
        }
        // A share under 1% reads like a fraction: Share(0.5) is half a percent, not 50%.
        for (p, payer) in region.funding.payers.iter().enumerate() {
            if let Basis::Share(pct) = payer.basis
                && pct > 0.0
                && pct < 1.0
            {
                warnings.push(Problem::at_field(
                    at.region(i).funding().payer(p).basis(),
                    "warning.share_fraction",
                    vec![("pct", plain(pct)), ("meant", plain(pct * 100.0))],
                ));
            }
        }
        // A budget of Rp0 in the budget direction enrols nobody (and cuts everyone).
        let first_budget = match &region.budget {
            Budget::Growing { amount, .. } => *amount,
            Budget::PerYear(values) => values.first().copied().unwrap_or(0),
        };
        if plan.direction == Direction::BudgetCap && first_budget == 0 {
            let path = match &region.budget {
                Budget::Growing { .. } => at.region(i).budget().amount(),
                Budget::PerYear(_) => at.region(i).budget().year(0),
            };
            warnings.push(Problem::at_field(path, "warning.zero_budget", vec![]));
        }
    }
    placed(warnings, plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::defaults::{new_plan, region};
    use crate::model::plan::{Payer, PayerKind};
    use crate::scenario::Location;

    #[test]
    fn likely_mistakes_are_warned_about_where_they_are() {
        let mut plan = new_plan(2026);
        plan.meta.level = Level::Provinsi;
        plan.meta.code = "72".into();
        let sigi = region("Kab. Sigi", Level::Kabupaten, "72.10");
        let mut copy = sigi.clone();
        copy.name = "Salinan Kab. Sigi".into();
        let mut elsewhere = region("Kab. Bogor", Level::Kabupaten, "32.01");
        elsewhere.funding.payers = vec![Payer {
            kind: PayerKind::ApbdProvinsi,
            basis: Basis::Share(0.5),
            source: String::new(),
        }];
        plan.regions = vec![sigi, copy, elsewhere];
        let at: Vec<(String, &str)> = suspicious(&plan)
            .into_iter()
            .map(|p| (p.location.to_string(), p.key))
            .collect();
        assert_eq!(
            at,
            [
                ("regions[1].code".to_owned(), "warning.same_code"),
                ("regions[2].code".to_owned(), "warning.outside_province"),
                (
                    "regions[2].funding.payers[0].basis".to_owned(),
                    "warning.share_fraction"
                ),
            ]
        );
        // The budget direction with a budget of Rp0 (the default for a new region).
        plan.direction = Direction::BudgetCap;
        let zero: Vec<Location> = suspicious(&plan)
            .into_iter()
            .filter(|p| p.key == "warning.zero_budget")
            .map(|p| p.location)
            .collect();
        assert_eq!(zero.len(), 3);
        assert_eq!(zero[0], Location::Field(root().region(0).budget().amount()));
    }
}
