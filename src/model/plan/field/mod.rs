//! The path of every field of a plan (`regions[3].pool.count`), defined once and typed:
//! validation reports each problem at a path built here, and the editor shows the problem
//! under the field it draws from the same path. No path is spelled as a string anywhere else.
//!
//! A path is built by following the plan's structure, `plan().region(3).pool().count()`, in
//! a small copyable value; its text is written only when it is shown (a problem found, a
//! field drawn), so checking a national plan of 514 regions costs no allocation per field.
//!
//! Every part of a path also names what a planner sees (the key of its label in
//! `locales/*.yml`, the same words as the editor's), so that a problem can be placed as
//! "Wilayah 10 (Kabupaten Banggai) › Jalur cakupan › Cakupan awal" ([`FieldPath::describe`]).

use std::fmt;

use super::Plan;

/// Deepest path a plan has (`rule_sets[0].periods[1].scholarship.sd.per_year` has 7 parts).
const MAX_DEPTH: usize = 8;

/// A named part of a path: the field's name in the file and the key of its label (empty when
/// the part adds nothing a planner would read, like a sourced value's `value`).
#[derive(Debug, PartialEq, Eq)]
struct Named {
    name: &'static str,
    label: &'static str,
}

/// What an item of a list is, for its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    /// A region of the plan, by its number and name.
    Region,
    /// A rule set of the plan, by its number and id.
    RuleSet,
    /// One value per year of the horizon, by the year.
    Year,
    /// Numbered with a label key holding `%{n}` ("Gelombang %{n}").
    Numbered(&'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Segment {
    Name(&'static Named),
    Index(usize, Item),
}

/// The path of a field (or of a list or group of fields) in a plan.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct FieldPath {
    segments: [Segment; MAX_DEPTH],
    len: usize,
}

/// One part of a field's place as a planner reads it; written out in a language by the
/// scenario's problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlacePart {
    /// A label key.
    Label(&'static str),
    /// A label key with `%{n}`, and the number (from 1).
    Numbered(&'static str, usize),
    /// A region: its number (from 1) and name.
    Region(usize, String),
    /// A rule set: its number (from 1) and id.
    RuleSet(usize, String),
    /// A budget year.
    Year(i64),
}

/// One step of a path, as [`FieldPath::steps`] gives them (for finding a field in a file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Field(&'static str),
    Index(usize),
}

impl FieldPath {
    const ROOT: FieldPath = FieldPath {
        segments: [Segment::Index(0, Item::Year); MAX_DEPTH],
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

    fn field(self, named: &'static Named) -> Self {
        self.push(Segment::Name(named))
    }

    fn index(self, i: usize, item: Item) -> Self {
        self.push(Segment::Index(i, item))
    }

    fn segments(&self) -> &[Segment] {
        &self.segments[..self.len]
    }

    /// The path's steps, from the plan down.
    pub fn steps(&self) -> impl Iterator<Item = Step> + '_ {
        self.segments().iter().map(|segment| match segment {
            Segment::Name(named) => Step::Field(named.name),
            Segment::Index(i, _) => Step::Index(*i),
        })
    }

    /// Where the field is, in the words of the editor: the label of every part that has one
    /// (a list's only when the path ends at the list), with the names of regions and rule sets and the years of yearly values taken from
    /// `plan` (a number alone when the plan has no such item).
    pub fn describe(&self, plan: &Plan) -> Vec<PlacePart> {
        let segments = self.segments();
        segments
            .iter()
            .enumerate()
            .filter_map(|(at, segment)| match *segment {
                Segment::Name(named) if named.label.is_empty() => None,
                // A list followed by its item: the item's label says it ("Gelombang 2").
                Segment::Name(_)
                    if matches!(
                        segments.get(at + 1),
                        Some(Segment::Index(_, item)) if *item != Item::Year
                    ) =>
                {
                    None
                }
                Segment::Name(named) => Some(PlacePart::Label(named.label)),
                Segment::Index(i, Item::Region) => Some(PlacePart::Region(
                    i + 1,
                    plan.regions
                        .get(i)
                        .map(|r| r.name.trim().to_owned())
                        .unwrap_or_default(),
                )),
                Segment::Index(i, Item::RuleSet) => Some(PlacePart::RuleSet(
                    i + 1,
                    plan.rule_sets
                        .get(i)
                        .map(|r| r.id.trim().to_owned())
                        .unwrap_or_default(),
                )),
                Segment::Index(i, Item::Year) => Some(PlacePart::Year(
                    i64::from(plan.horizon.first_year).saturating_add(i as i64),
                )),
                Segment::Index(i, Item::Numbered(key)) => Some(PlacePart::Numbered(key, i + 1)),
            })
            .collect()
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps().enumerate() {
            match step {
                Step::Field(name) if i == 0 => f.write_str(name)?,
                Step::Field(name) => write!(f, ".{name}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
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
    PlanPath::from(FieldPath::ROOT)
}

/// One step of a path found by walking a plan's data (a serialized plan), to be matched
/// against the plan's structure by [`FieldPath::find`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Walk<'a> {
    Field(&'a str),
    Index(usize),
}

impl FieldPath {
    /// The path that `steps` take through the plan's structure, as deep as the structure
    /// names them: steps below a field that has no parts of its own (an enum's variant, a
    /// sourced value's `source`) end at that field. `None` when the first step is no field.
    pub fn find(steps: &[Walk<'_>]) -> Option<FieldPath> {
        <PlanPath as Find>::find(FieldPath::ROOT, steps)
    }
}

/// Matches steps against a group's parts (generated for every group by `group!`).
trait Find {
    fn find(path: FieldPath, steps: &[Walk<'_>]) -> Option<FieldPath>;
}

impl Find for FieldPath {
    fn find(path: FieldPath, _: &[Walk<'_>]) -> Option<FieldPath> {
        Some(path)
    }
}

/// Every label key a path can have, each with the first path that has it (for checking that
/// both languages have every label).
#[cfg(test)]
trait Labels {
    fn labels(prefix: &str, out: &mut Vec<(String, &'static str)>);
}

#[cfg(test)]
impl Labels for FieldPath {
    fn labels(_: &str, _: &mut Vec<(String, &'static str)>) {}
}

#[cfg(test)]
fn item_labels(prefix: &str, item: Item, out: &mut Vec<(String, &'static str)>) {
    let key = match item {
        Item::Region => "place.region",
        Item::RuleSet => "place.rule_set",
        Item::Year => "place.year_n",
        Item::Numbered(key) => key,
    };
    out.push((format!("{prefix}[]"), key));
}

/// Declares a group of fields: a type holding its path, with one method per field (`leaf`),
/// sub-group (`node`), list (`list name, item`: the list's path and each item's), or item of
/// the group itself (`index`). Every part is given the key of its label.
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

        impl Find for $group {
            fn find(path: FieldPath, steps: &[Walk<'_>]) -> Option<FieldPath> {
                // A group of leaves alone uses no steps after the first.
                let Some((first, _rest)) = steps.split_first() else {
                    return Some(path);
                };
                group!(@find path, first, _rest, $($body)*);
                None
            }
        }

        #[cfg(test)]
        impl Labels for $group {
            fn labels(prefix: &str, out: &mut Vec<(String, &'static str)>) {
                group!(@labels prefix, out, $($body)*);
            }
        }
    };
    (@items) => {};
    (@items leaf $($name:ident: $label:literal),+; $($rest:tt)*) => {
        $(
            pub fn $name(self) -> FieldPath {
                self.0.field(&Named { name: stringify!($name), label: $label })
            }
        )+
        group!(@items $($rest)*);
    };
    (@items node $name:ident: $ty:ty = $label:literal; $($rest:tt)*) => {
        pub fn $name(self) -> $ty {
            self.0.field(&Named { name: stringify!($name), label: $label }).into()
        }
        group!(@items $($rest)*);
    };
    (@items list $name:ident: $label:literal, $item:ident: $ty:ty = $kind:expr; $($rest:tt)*) => {
        pub fn $name(self) -> FieldPath {
            self.0.field(&Named { name: stringify!($name), label: $label })
        }
        pub fn $item(self, i: usize) -> $ty {
            self.$name().index(i, $kind).into()
        }
        group!(@items $($rest)*);
    };
    (@items index $item:ident: $ty:ty = $kind:expr; $($rest:tt)*) => {
        pub fn $item(self, i: usize) -> $ty {
            self.0.index(i, $kind).into()
        }
        group!(@items $($rest)*);
    };
    (@find $path:ident, $first:ident, $rest:ident,) => {};
    (@find $path:ident, $first:ident, $rest:ident, leaf $($name:ident: $label:literal),+; $($more:tt)*) => {
        $(
            if *$first == Walk::Field(stringify!($name)) {
                return Some($path.field(&Named { name: stringify!($name), label: $label }));
            }
        )+
        group!(@find $path, $first, $rest, $($more)*);
    };
    (@find $path:ident, $first:ident, $rest:ident, node $name:ident: $ty:ty = $label:literal; $($more:tt)*) => {
        if *$first == Walk::Field(stringify!($name)) {
            let at = $path.field(&Named { name: stringify!($name), label: $label });
            return <$ty as Find>::find(at, $rest);
        }
        group!(@find $path, $first, $rest, $($more)*);
    };
    (@find $path:ident, $first:ident, $rest:ident, list $name:ident: $label:literal, $item:ident: $ty:ty = $kind:expr; $($more:tt)*) => {
        if *$first == Walk::Field(stringify!($name)) {
            let at = $path.field(&Named { name: stringify!($name), label: $label });
            return match $rest.split_first() {
                Some((Walk::Index(i), rest)) => <$ty as Find>::find(at.index(*i, $kind), rest),
                _ => Some(at),
            };
        }
        group!(@find $path, $first, $rest, $($more)*);
    };
    (@find $path:ident, $first:ident, $rest:ident, index $item:ident: $ty:ty = $kind:expr; $($more:tt)*) => {
        if let Walk::Index(i) = *$first {
            return <$ty as Find>::find($path.index(i, $kind), $rest);
        }
        group!(@find $path, $first, $rest, $($more)*);
    };
    (@labels $prefix:ident, $out:ident,) => {};
    (@labels $prefix:ident, $out:ident, leaf $($name:ident: $label:literal),+; $($rest:tt)*) => {
        $( $out.push((format!("{}.{}", $prefix, stringify!($name)), $label)); )+
        group!(@labels $prefix, $out, $($rest)*);
    };
    (@labels $prefix:ident, $out:ident, node $name:ident: $ty:ty = $label:literal; $($rest:tt)*) => {
        let path = format!("{}.{}", $prefix, stringify!($name));
        $out.push((path.clone(), $label));
        <$ty as Labels>::labels(&path, $out);
        group!(@labels $prefix, $out, $($rest)*);
    };
    (@labels $prefix:ident, $out:ident, list $name:ident: $label:literal, $item:ident: $ty:ty = $kind:expr; $($rest:tt)*) => {
        let path = format!("{}.{}", $prefix, stringify!($name));
        $out.push((path.clone(), $label));
        item_labels(&path, $kind, $out);
        <$ty as Labels>::labels(&format!("{path}[]"), $out);
        group!(@labels $prefix, $out, $($rest)*);
    };
    (@labels $prefix:ident, $out:ident, index $item:ident: $ty:ty = $kind:expr; $($rest:tt)*) => {
        item_labels($prefix, $kind, $out);
        <$ty as Labels>::labels(&format!("{}[]", $prefix), $out);
        group!(@labels $prefix, $out, $($rest)*);
    };
}

mod groups;
pub use groups::*;

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

    #[test]
    fn every_label_is_written_in_both_languages() {
        use crate::i18n::Lang;
        let mut labels = Vec::new();
        PlanPath::labels("", &mut labels);
        // Every group, leaf and list of the plan (more than the 150 fields the editor shows).
        assert!(labels.len() > 150, "{}", labels.len());
        for (path, key) in labels.iter().filter(|(_, key)| !key.is_empty()) {
            for lang in Lang::ALL {
                let text = lang.tr(key);
                assert!(
                    !text.is_empty() && !text.contains(key),
                    "{path}: no {lang:?} text for {key}"
                );
            }
        }
    }

    #[test]
    fn a_place_names_the_region_the_year_and_the_field() {
        let mut sigi = crate::model::defaults::new_plan(2026);
        sigi.regions[0].name = "Kabupaten Sigi".into();
        assert_eq!(
            plan().region(0).coverage().start_pct().describe(&sigi),
            vec![
                PlacePart::Region(1, "Kabupaten Sigi".into()),
                PlacePart::Label("ui.section.coverage"),
                PlacePart::Label("ui.field.start_pct"),
            ]
        );
        // The fourth budget year of a plan starting in 2026 is 2029 (2026 + 3).
        assert_eq!(
            plan().region(0).budget().year(3).describe(&sigi),
            vec![
                PlacePart::Region(1, "Kabupaten Sigi".into()),
                PlacePart::Label("place.budget"),
                PlacePart::Year(2029),
            ]
        );
        // A sourced value's `value` adds nothing; a wave is numbered from 1.
        assert_eq!(
            plan().programme().declared_income().value().describe(&sigi),
            vec![
                PlacePart::Label("ui.section.programme"),
                PlacePart::Label("ui.field.declared_income"),
            ]
        );
        assert_eq!(
            plan().region(7).coverage().wave(1).month().describe(&sigi)[0],
            PlacePart::Region(8, String::new()),
            "a region the plan does not have is still numbered"
        );
    }
}
