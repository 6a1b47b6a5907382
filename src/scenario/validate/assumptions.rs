//! Checks of the assumptions: death rates, accidents, scholarships, calibration.

use super::{Checker, SUM_TOLERANCE, plain};
use crate::model::limits::{MAX_AGE, MAX_COUNT, MAX_INCOME, MAX_LIST, MAX_YEARS};
use crate::model::plan::field::plan as root;
use crate::model::plan::{Assumptions, Mortality};

impl Checker {
    pub(super) fn assumptions(&mut self, a: &Assumptions) {
        let Assumptions {
            mortality,
            jkk_deaths_per_mille,
            nonfatal_accidents_per_mille,
            accident_care_avg,
            accident_cash_months,
            children_per_member,
            school_mix,
            continuation_smp_pct,
            continuation_sma_pct,
            higher_education_pct,
            jkm_waiting_rule: _,
            income_growth_pct,
            household_poverty_line,
            observed_deaths,
        } = a;
        let p = root().assumptions();
        match mortality {
            Mortality::Flat(rate) => {
                self.number(p.mortality().value(), rate.value, 0.0, 1000.0);
            }
            Mortality::AgeBands(table) => {
                let t = p.mortality();
                self.number(t.loading(), table.loading, 0.0, 10.0);
                self.percent(t.male_pct(), table.male_pct);
                self.at_most(t.bands(), table.bands.len(), MAX_LIST);
                if table.bands.is_empty() {
                    self.problem(t.bands(), "problem.empty", vec![]);
                }
                for (i, band) in table.bands.iter().enumerate() {
                    let b = t.band(i);
                    self.whole(b.from(), i64::from(band.from), 0, i64::from(MAX_AGE));
                    self.whole(b.to(), i64::from(band.to), 0, i64::from(MAX_AGE));
                    if band.from > band.to {
                        self.problem(
                            b.from(),
                            "problem.above_max",
                            vec![("max", band.to.to_string())],
                        );
                    }
                    self.percent(b.share_pct(), band.share_pct);
                    self.number(b.male_per_mille(), band.male_per_mille, 0.0, 1000.0);
                    self.number(b.female_per_mille(), band.female_per_mille, 0.0, 1000.0);
                }
                if !table.bands.is_empty() {
                    let sum = table.bands.iter().map(|b| b.share_pct).sum();
                    self.sum_is_100(t.bands(), sum);
                }
                // Bands follow each other without gaps or overlaps, so no age falls between
                // them.
                for (i, pair) in table.bands.windows(2).enumerate() {
                    if pair[1].from != pair[0].to.saturating_add(1) {
                        self.problem(
                            t.band(i + 1).from(),
                            "problem.age_band_gap",
                            vec![
                                ("from", pair[1].from.to_string()),
                                ("expected", pair[0].to.saturating_add(1).to_string()),
                            ],
                        );
                    }
                }
            }
        }
        for (at, value) in [
            (p.jkk_deaths_per_mille(), jkk_deaths_per_mille.value),
            (
                p.nonfatal_accidents_per_mille(),
                nonfatal_accidents_per_mille.value,
            ),
        ] {
            self.number(at.value(), value, 0.0, 1000.0);
        }
        self.whole(
            p.accident_care_avg().value(),
            accident_care_avg.value,
            0,
            MAX_INCOME,
        );
        self.number(
            p.accident_cash_months().value(),
            accident_cash_months.value,
            0.0,
            120.0,
        );
        self.number(
            p.children_per_member().value(),
            children_per_member.value,
            0.0,
            20.0,
        );
        let mix = &school_mix.value;
        let m = p.school_mix().value();
        for (at, value) in [
            (m.tk(), mix.tk),
            (m.sd(), mix.sd),
            (m.smp(), mix.smp),
            (m.sma(), mix.sma),
            (m.pt(), mix.pt),
        ] {
            self.percent(at, value);
        }
        let total = mix.total();
        if total.is_finite() && total > 100.0 + SUM_TOLERANCE {
            self.problem(
                m.whole(),
                "problem.sum_over_100",
                vec![("sum", plain(total))],
            );
        }
        self.percent(p.continuation_smp_pct().value(), continuation_smp_pct.value);
        self.percent(p.continuation_sma_pct().value(), continuation_sma_pct.value);
        self.percent(p.higher_education_pct().value(), higher_education_pct.value);
        self.growth(p.income_growth_pct().value(), income_growth_pct.value);
        self.whole(
            p.household_poverty_line().value(),
            household_poverty_line.value,
            0,
            MAX_INCOME,
        );
        if let Some(observed) = observed_deaths {
            let o = p.observed_deaths();
            let most_member_years = (MAX_COUNT as f64) * f64::from(MAX_YEARS);
            self.whole(o.deaths(), observed.deaths, 0, MAX_COUNT);
            self.number(
                o.member_years(),
                observed.member_years,
                0.0,
                most_member_years,
            );
            self.number(
                o.prior_member_years(),
                observed.prior_member_years,
                0.0,
                most_member_years,
            );
            self.whole(o.from().month(), i64::from(observed.from.month), 1, 12);
            self.whole(o.to().month(), i64::from(observed.to.month), 1, 12);
            if observed.to < observed.from {
                self.problem(o.to().whole(), "problem.period_reversed", vec![]);
            }
            if observed.member_years + observed.prior_member_years <= 0.0 {
                self.problem(
                    o.member_years(),
                    "problem.below_min",
                    vec![("min", "> 0".to_owned())],
                );
            }
        }
    }
}
