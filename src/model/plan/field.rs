//! The path of every field of a plan (`regions[3].pool.count`), defined once and typed:
//! validation reports each problem at a path built here, and the editor shows the problem
//! under the field it draws from the same path. No path is spelled as a string anywhere else.
//!
//! A path is built by following the plan's structure, `plan().region(3).pool().count()`, in
//! a small copyable value; its text is written only when it is shown (a problem found, a
//! field drawn), so checking a national plan of 514 regions costs no allocation per field.

use std::fmt;

/// Deepest path a plan has (`rule_sets[0].periods[1].scholarship.sd.per_year` has 7 parts).
const MAX_DEPTH: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Segment {
    Name(&'static str),
    Index(usize),
}

/// The path of a field (or of a list or group of fields) in a plan.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    segments: [Segment; MAX_DEPTH],
    len: usize,
}

impl FieldPath {
    const ROOT: FieldPath = FieldPath {
        segments: [Segment::Index(0); MAX_DEPTH],
        len: 0,
    };

    fn push(mut self, segment: Segment) -> Self {
        // The plan's structure is fixed and no deeper than MAX_DEPTH.
        if let Some(slot) = self.segments.get_mut(self.len) {
            *slot = segment;
            self.len += 1;
        }
        self
    }

    fn field(self, name: &'static str) -> Self {
        self.push(Segment::Name(name))
    }

    fn index(self, i: usize) -> Self {
        self.push(Segment::Index(i))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments[..self.len].iter().enumerate() {
            match segment {
                Segment::Name(name) if i == 0 => f.write_str(name)?,
                Segment::Name(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FieldPath({self})")
    }
}

impl From<FieldPath> for String {
    fn from(path: FieldPath) -> Self {
        path.to_string()
    }
}

/// The plan itself: where every path starts.
pub fn plan() -> PlanPath {
    PlanPath(FieldPath::ROOT)
}

/// Declares a group of fields: a type holding its path, with one method per field (`leaf`),
/// sub-group (`node`), list (`list name, item`: the list's path and each item's), or item of
/// the group itself (`index`).
macro_rules! group {
    ($(#[$doc:meta])* $group:ident { $($body:tt)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $group(FieldPath);

        impl From<FieldPath> for $group {
            fn from(path: FieldPath) -> Self {
                Self(path)
            }
        }

        impl $group {
            /// The path of the whole group.
            pub fn whole(self) -> FieldPath {
                self.0
            }
            group!(@items $($body)*);
        }
    };
    (@items) => {};
    (@items leaf $($name:ident),+; $($rest:tt)*) => {
        $(
            pub fn $name(self) -> FieldPath {
                self.0.field(stringify!($name))
            }
        )+
        group!(@items $($rest)*);
    };
    (@items node $name:ident: $ty:ty; $($rest:tt)*) => {
        pub fn $name(self) -> $ty {
            self.0.field(stringify!($name)).into()
        }
        group!(@items $($rest)*);
    };
    (@items list $name:ident, $item:ident: $ty:ty; $($rest:tt)*) => {
        pub fn $name(self) -> FieldPath {
            self.0.field(stringify!($name))
        }
        pub fn $item(self, i: usize) -> $ty {
            self.0.field(stringify!($name)).index(i).into()
        }
        group!(@items $($rest)*);
    };
    (@items index $item:ident: $ty:ty; $($rest:tt)*) => {
        pub fn $item(self, i: usize) -> $ty {
            self.0.index(i).into()
        }
        group!(@items $($rest)*);
    };
}

group!(
    /// [`super::Plan`].
    PlanPath {
        node meta: MetaPath;
        node horizon: HorizonPath;
        leaf direction;
        node programme: ProgrammePath;
        node assumptions: AssumptionsPath;
        list regions, region: RegionPath;
        node province_quota: QuotaPath;
        list rule_sets, rule_set: RuleSetPath;
    }
);

group!(
    /// [`super::Meta`].
    MetaPath {
        leaf title, author, region_name, code, rule_set;
        node apbd: ApbdPath;
        node ucj_target: SourcedPath;
    }
);

group!(
    /// A [`super::Sourced`] value: the value (its source is free text).
    SourcedPath {
        leaf value;
    }
);

group!(
    /// [`super::Horizon`].
    HorizonPath {
        leaf first_year, years;
    }
);

group!(
    /// [`super::Programme`].
    ProgrammePath {
        node declared_income: SourcedPath;
    }
);

group!(
    /// [`super::Assumptions`].
    AssumptionsPath {
        node mortality: MortalityPath;
        node jkk_deaths_per_mille: SourcedPath;
        node nonfatal_accidents_per_mille: SourcedPath;
        node accident_care_avg: SourcedPath;
        node accident_cash_months: SourcedPath;
        node children_per_member: SourcedPath;
        node school_mix: SchoolMixSourcedPath;
        node continuation_smp_pct: SourcedPath;
        node continuation_sma_pct: SourcedPath;
        node higher_education_pct: SourcedPath;
        node income_growth_pct: SourcedPath;
        node household_poverty_line: SourcedPath;
        node observed_deaths: ObservedPath;
    }
);

group!(
    /// [`super::Mortality`]: a flat rate's `value`, or an age-band table.
    MortalityPath {
        leaf value, loading, male_pct;
        list bands, band: BandPath;
    }
);

group!(
    /// [`super::AgeBand`].
    BandPath {
        leaf from, to, share_pct, male_per_mille, female_per_mille;
    }
);

group!(
    /// The school mix and its source.
    SchoolMixSourcedPath {
        node value: SchoolMixPath;
    }
);

group!(
    /// [`super::SchoolMix`].
    SchoolMixPath {
        leaf tk, sd, smp, sma, pt;
    }
);

group!(
    /// [`super::ObservedDeaths`].
    ObservedPath {
        leaf deaths, member_years, prior_member_years;
        node from: YearMonthPath;
        node to: YearMonthPath;
    }
);

group!(
    /// [`super::YearMonth`].
    YearMonthPath {
        leaf year, month;
    }
);

group!(
    /// [`super::Region`].
    RegionPath {
        leaf name, code;
        node workforce: WorkforcePath;
        node pool: PoolPath;
        node coverage: CoverageFieldsPath;
        node budget: BudgetPath;
        node funding: FundingPath;
    }
);

group!(
    /// [`super::Workforce`].
    WorkforcePath {
        leaf employed, covered_pu, covered_bpu, covered_jakon, programme_in_bpu;
        leaf employed_growth_pct, covered_growth_pct, base_year;
    }
);

group!(
    /// [`super::Pool`].
    PoolPath {
        leaf count, growth_pct, base_year, age_min, age_max;
    }
);

group!(
    /// [`super::Coverage`].
    CoverageFieldsPath {
        leaf start_pct, start_tenure_months, paid_until_month;
        node path: CoverageShapePath;
        list waves, wave: WavePath;
    }
);

group!(
    /// [`super::CoveragePath`]: a ramp's or S-curve's target, or one share per year.
    CoverageShapePath {
        leaf target_pct, steepness;
        index year: FieldPath;
    }
);

group!(
    /// [`super::Wave`].
    WavePath {
        leaf month, share_pct, until_month;
    }
);

group!(
    /// [`super::Budget`]: a growing amount, or one amount per year.
    BudgetPath {
        leaf amount, growth_pct;
        index year: FieldPath;
    }
);

group!(
    /// [`super::Funding`].
    FundingPath {
        list payers, payer: PayerPath;
        node apbd: ApbdPath;
    }
);

group!(
    /// [`super::Payer`].
    PayerPath {
        leaf basis;
    }
);

group!(
    /// [`super::Apbd`].
    ApbdPath {
        leaf total, growth_pct, base_year;
    }
);

group!(
    /// [`super::ProvinceQuota`].
    QuotaPath {
        leaf workers;
        list split, part: FieldPath;
    }
);

group!(
    /// [`super::RuleSet`].
    RuleSetPath {
        leaf id;
        node income_brackets: BracketsPath;
        list periods, period: PeriodPath;
    }
);

group!(
    /// [`super::IncomeBrackets`].
    BracketsPath {
        list rows, row: BracketRowPath;
    }
);

group!(
    /// One row of the income bracket table.
    BracketRowPath {
        leaf from, nominal;
    }
);

group!(
    /// [`super::RulePeriod`].
    PeriodPath {
        node from: YearMonthPath;
        leaf jkk_pct, jht_pct, jkm_per_month, jkm_death_benefit, funeral_benefit;
        leaf jkk_death_extra, jkk_death_income_multiple;
        node scholarship: ScholarshipPath;
    }
);

group!(
    /// [`super::ScholarshipRule`].
    ScholarshipPath {
        node tk: StagePath;
        node sd: StagePath;
        node smp: StagePath;
        node sma: StagePath;
        node pt: StagePath;
        leaf lump_sum, max_children;
    }
);

group!(
    /// One school stage of a scholarship rule.
    StagePath {
        leaf per_year, years;
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_as_in_the_file() {
        assert_eq!(
            plan().region(3).pool().count().to_string(),
            "regions[3].pool.count"
        );
        assert_eq!(
            plan()
                .region(0)
                .coverage()
                .wave(1)
                .until_month()
                .to_string(),
            "regions[0].coverage.waves[1].until_month"
        );
        assert_eq!(
            plan().region(2).budget().year(4).to_string(),
            "regions[2].budget[4]"
        );
        assert_eq!(
            plan().region(0).coverage().path().year(1).to_string(),
            "regions[0].coverage.path[1]"
        );
        assert_eq!(
            plan()
                .rule_set(0)
                .period(1)
                .scholarship()
                .sd()
                .per_year()
                .to_string(),
            "rule_sets[0].periods[1].scholarship.sd.per_year"
        );
        assert_eq!(
            plan()
                .assumptions()
                .school_mix()
                .value()
                .whole()
                .to_string(),
            "assumptions.school_mix.value"
        );
        assert_eq!(plan().regions().to_string(), "regions");
        assert_eq!(
            plan().province_quota().part(7).to_string(),
            "province_quota.split[7]"
        );
    }
}
