//! Checks of the assumptions: death rates, accidents, scholarships, calibration.

use super::{Checker, SUM_TOLERANCE, plain};
use crate::model::limits::{MAX_COUNT, MAX_INCOME, MAX_YEARS};
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
        let p = "assumptions";
        match mortality {
            Mortality::Flat(rate) => {
                self.number(&format!("{p}.mortality.value"), rate.value, 0.0, 1000.0);
            }
            Mortality::AgeBands(table) => {
                let t = format!("{p}.mortality");
                self.number(&format!("{t}.loading"), table.loading, 0.0, 10.0);
                self.percent(&format!("{t}.male_pct"), table.male_pct);
                if table.bands.is_empty() {
                    self.problem(format!("{t}.bands"), "problem.empty", vec![]);
                }
                for (i, band) in table.bands.iter().enumerate() {
                    let b = format!("{t}.bands[{i}]");
                    if band.from > band.to {
                        self.problem(
                            format!("{b}.from"),
                            "problem.above_max",
                            vec![("max", band.to.to_string())],
                        );
                    }
                    self.percent(&format!("{b}.share_pct"), band.share_pct);
                    self.number(
                        &format!("{b}.male_per_mille"),
                        band.male_per_mille,
                        0.0,
                        1000.0,
                    );
                    self.number(
                        &format!("{b}.female_per_mille"),
                        band.female_per_mille,
                        0.0,
                        1000.0,
                    );
                }
                if !table.bands.is_empty() {
                    let sum = table.bands.iter().map(|b| b.share_pct).sum();
                    self.sum_is_100(&format!("{t}.bands"), sum);
                }
                // Bands follow each other without gaps or overlaps, so no age falls between
                // them.
                for (i, pair) in table.bands.windows(2).enumerate() {
                    if pair[1].from != pair[0].to.saturating_add(1) {
                        self.problem(
                            format!("{t}.bands[{}].from", i + 1),
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
        for (name, value) in [
            ("jkk_deaths_per_mille", jkk_deaths_per_mille.value),
            (
                "nonfatal_accidents_per_mille",
                nonfatal_accidents_per_mille.value,
            ),
        ] {
            self.number(&format!("{p}.{name}.value"), value, 0.0, 1000.0);
        }
        self.whole(
            &format!("{p}.accident_care_avg.value"),
            accident_care_avg.value,
            0,
            MAX_INCOME,
        );
        self.number(
            &format!("{p}.accident_cash_months.value"),
            accident_cash_months.value,
            0.0,
            120.0,
        );
        self.number(
            &format!("{p}.children_per_member.value"),
            children_per_member.value,
            0.0,
            20.0,
        );
        let mix = &school_mix.value;
        let m = format!("{p}.school_mix.value");
        for (name, value) in [
            ("tk", mix.tk),
            ("sd", mix.sd),
            ("smp", mix.smp),
            ("sma", mix.sma),
            ("pt", mix.pt),
        ] {
            self.percent(&format!("{m}.{name}"), value);
        }
        let total = mix.total();
        if total.is_finite() && total > 100.0 + SUM_TOLERANCE {
            self.problem(m, "problem.sum_over_100", vec![("sum", plain(total))]);
        }
        self.percent(
            &format!("{p}.continuation_smp_pct.value"),
            continuation_smp_pct.value,
        );
        self.percent(
            &format!("{p}.continuation_sma_pct.value"),
            continuation_sma_pct.value,
        );
        self.percent(
            &format!("{p}.higher_education_pct.value"),
            higher_education_pct.value,
        );
        self.growth(
            &format!("{p}.income_growth_pct.value"),
            income_growth_pct.value,
        );
        self.whole(
            &format!("{p}.household_poverty_line.value"),
            household_poverty_line.value,
            0,
            MAX_INCOME,
        );
        if let Some(observed) = observed_deaths {
            let o = format!("{p}.observed_deaths");
            let most_member_years = (MAX_COUNT as f64) * f64::from(MAX_YEARS);
            self.whole(&format!("{o}.deaths"), observed.deaths, 0, MAX_COUNT);
            self.number(
                &format!("{o}.member_years"),
                observed.member_years,
                0.0,
                most_member_years,
            );
            self.number(
                &format!("{o}.prior_member_years"),
                observed.prior_member_years,
                0.0,
                most_member_years,
            );
            self.whole(
                &format!("{o}.from.month"),
                i64::from(observed.from.month),
                1,
                12,
            );
            self.whole(
                &format!("{o}.to.month"),
                i64::from(observed.to.month),
                1,
                12,
            );
            if observed.to < observed.from {
                self.problem(format!("{o}.to"), "problem.period_reversed", vec![]);
            }
            if observed.member_years + observed.prior_member_years <= 0.0 {
                self.problem(
                    format!("{o}.member_years"),
                    "problem.below_min",
                    vec![("min", "> 0".to_owned())],
                );
            }
        }
    }
}
