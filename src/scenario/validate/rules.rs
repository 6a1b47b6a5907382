//! Checks of rule sets and of the declared income against their bracket table.

use super::Checker;
use crate::model::limits::{MAX_INCOME, MAX_LIST};
use crate::model::plan::field::{RuleSetPath, plan as root};
use crate::model::plan::{IncomeBrackets, RuleSet};
use crate::scenario::problem::count_arg;

impl Checker {
    /// The declared income must be one of the brackets' nominal incomes.
    pub(super) fn declared_income(&mut self, income: i64, brackets: &IncomeBrackets) {
        if brackets.rows.is_empty() || brackets.is_nominal(income) {
            return;
        }
        let nearest = brackets
            .row_for(income as f64)
            .map_or(income, |row| row.nominal);
        let (lowest, highest) = match (brackets.rows.first(), brackets.rows.last()) {
            (Some(first), Some(last)) => (first.nominal, last.nominal),
            _ => (income, income),
        };
        self.problem(
            root().programme().declared_income().value(),
            "problem.not_a_bracket",
            vec![
                ("found", count_arg(income)),
                ("bracket", count_arg(nearest)),
                ("lowest", count_arg(lowest)),
                ("highest", count_arg(highest)),
            ],
        );
    }

    pub(super) fn rule_set(&mut self, path: RuleSetPath, rules: &RuleSet) {
        if rules.id.trim().is_empty() {
            self.problem(path.id(), "problem.empty", vec![]);
        }
        if let Some(table) = &rules.income_brackets {
            let b = path.income_brackets();
            self.at_most(b.rows(), table.rows.len(), MAX_LIST);
            if table.rows.is_empty() {
                self.problem(b.rows(), "problem.empty", vec![]);
            }
            for (i, row) in table.rows.iter().enumerate() {
                self.whole(b.row(i).nominal(), row.nominal, 1, MAX_INCOME);
                self.whole(b.row(i).from(), row.from, 0, MAX_INCOME);
                if i > 0 && row.from <= table.rows[i - 1].from {
                    self.problem(
                        b.row(i).from(),
                        "problem.not_ascending",
                        vec![("previous", table.rows[i - 1].from.to_string())],
                    );
                }
            }
        }
        self.at_most(path.periods(), rules.periods.len(), MAX_LIST);
        if rules.periods.is_empty() {
            self.problem(path.periods(), "problem.empty", vec![]);
        }
        for (i, period) in rules.periods.iter().enumerate() {
            let p = path.period(i);
            self.whole(p.from().month(), period.from.month as i64, 1, 12);
            self.number(p.jkk_pct(), period.jkk_pct, 0.0, 100.0);
            self.number(p.jht_pct(), period.jht_pct, 0.0, 100.0);
            for (at, value) in [
                (p.jkm_per_month(), period.jkm_per_month),
                (p.jkm_death_benefit(), period.jkm_death_benefit),
                (p.funeral_benefit(), period.funeral_benefit),
                (p.jkk_death_extra(), period.jkk_death_extra),
            ] {
                self.whole(at, value, 0, MAX_INCOME);
            }
            self.whole(
                p.jkk_death_income_multiple(),
                period.jkk_death_income_multiple,
                0,
                1000,
            );
            let s = &period.scholarship;
            let sp = p.scholarship();
            for (st, stage) in [
                (sp.tk(), s.tk),
                (sp.sd(), s.sd),
                (sp.smp(), s.smp),
                (sp.sma(), s.sma),
                (sp.pt(), s.pt),
            ] {
                self.whole(st.per_year(), stage.per_year, 0, MAX_INCOME);
                self.whole(st.years(), stage.years as i64, 0, 20);
            }
            self.whole(sp.lump_sum(), s.lump_sum, 0, MAX_INCOME);
            self.whole(sp.max_children(), s.max_children as i64, 0, 20);
        }
    }
}
