//! A scenario's inputs as a planner reads them: every field with its place in the editor's
//! words and its source ([`inputs`], for a sheet of assumptions), and which inputs differ
//! between two scenarios ([`differences`]), so that two offices can see why their numbers
//! differ. In a comparison regions are matched by their area code, so a region added,
//! removed or moved is told as such rather than as every field after it.

use serde_json::Value as Json;

use crate::format;
use crate::i18n::Lang;
use crate::model::plan::Plan;
use crate::model::plan::field::{FieldPath, Walk};

/// One step of a difference's path, owned.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Field(String),
    Index(usize),
}

/// Which scenario a side of a difference is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// A side's value of a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// The field is not in this scenario (an optional part left out, a region it lacks).
    Absent,
    /// A region (or other item matched by its code) this scenario has, by its name.
    Present(String),
    /// The value, as data.
    Value(Json),
}

/// A field that differs.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// The field's path in the file (`regions[3].pool.count`; the first scenario's index,
    /// or the second's for a region only it has).
    pub path: String,
    /// Where the field is, in the editor's words.
    pub place: String,
    pub a: Cell,
    pub b: Cell,
    pub source_a: String,
    pub source_b: String,
}

/// Every input that differs between `a` and `b`, in the order of the file.
pub fn differences(a: &Plan, b: &Plan, lang: Lang) -> Vec<Difference> {
    let (Ok(json_a), Ok(json_b)) = (serde_json::to_value(a), serde_json::to_value(b)) else {
        // A plan is plain data; serializing it cannot fail.
        return Vec::new();
    };
    let mut raw = Vec::new();
    compare(
        Some(&json_a),
        Some(&json_b),
        &mut Vec::new(),
        Side::A,
        &mut raw,
    );
    raw.into_iter()
        .map(|r| {
            let plan = match r.described_by {
                Side::A => a,
                Side::B => b,
            };
            Difference {
                path: path_text(&r.steps),
                place: place_of(&r.steps, plan, lang),
                a: r.a,
                b: r.b,
                source_a: r.source_a,
                source_b: r.source_b,
            }
        })
        .collect()
}

/// A difference before it is placed.
struct Raw {
    steps: Vec<Step>,
    /// The scenario whose names describe the place (the one that has the item).
    described_by: Side,
    a: Cell,
    b: Cell,
    source_a: String,
    source_b: String,
}

fn path_text(steps: &[Step]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            Step::Field(name) if text.is_empty() => text.push_str(name),
            Step::Field(name) => {
                text.push('.');
                text.push_str(name);
            }
            Step::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

/// A value with the note of where it comes from (`Sourced`): its value and source.
fn sourced(value: &Json) -> Option<(&Json, &str)> {
    let object = value.as_object()?;
    if object.len() != 2 {
        return None;
    }
    Some((object.get("value")?, object.get("source")?.as_str()?))
}

/// An enum's variant with data (`Flat(..)`): its name and data.
fn variant(value: &Json) -> Option<(&str, &Json)> {
    let object = value.as_object()?;
    let (name, inner) = object.iter().next()?;
    (object.len() == 1 && name.starts_with(|c: char| c.is_ascii_uppercase()))
        .then_some((name.as_str(), inner))
}

/// The `code` of an item of a list matched by code (regions).
fn code(value: &Json) -> Option<&str> {
    value.as_object()?.get("code")?.as_str()
}

/// The name shown for an item matched by code.
fn item_name(value: &Json) -> String {
    let field = |key: &str| {
        value
            .get(key)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    format!("{} ({})", field("name"), field("code"))
}

fn cell(value: Option<&Json>) -> Cell {
    value.map_or(Cell::Absent, |v| Cell::Value(v.clone()))
}

fn compare(
    a: Option<&Json>,
    b: Option<&Json>,
    steps: &mut Vec<Step>,
    described_by: Side,
    out: &mut Vec<Raw>,
) {
    if a == b {
        return;
    }
    let leaf = |a: Option<&Json>, b: Option<&Json>, out: &mut Vec<Raw>, steps: &[Step]| {
        let source = |v: Option<&Json>| v.and_then(sourced).map(|(_, s)| s.to_owned());
        fn value(v: Option<&Json>) -> Option<&Json> {
            v.map(|v| sourced(v).map_or(v, |(value, _)| value))
        }
        out.push(Raw {
            steps: steps.to_vec(),
            described_by,
            a: cell(value(a)),
            b: cell(value(b)),
            source_a: source(a).unwrap_or_default(),
            source_b: source(b).unwrap_or_default(),
        });
    };
    match (a, b) {
        // A sourced value is one field, its source told beside it.
        (Some(x), _) | (_, Some(x)) if sourced(x).is_some() => leaf(a, b, out, steps),
        (Some(x), Some(y)) => match (variant(x), variant(y)) {
            (Some((vx, ix)), Some((vy, iy))) if vx == vy => {
                compare(Some(ix), Some(iy), steps, described_by, out);
            }
            (Some(_), _) | (_, Some(_)) => leaf(a, b, out, steps),
            (None, None) => match (x, y) {
                (Json::Object(ox), Json::Object(oy)) => {
                    let keys = ox.keys().chain(oy.keys().filter(|k| !ox.contains_key(*k)));
                    for key in keys {
                        steps.push(Step::Field(key.clone()));
                        compare(ox.get(key), oy.get(key), steps, described_by, out);
                        steps.pop();
                    }
                }
                (Json::Array(ax), Json::Array(ay)) => {
                    compare_lists(ax, ay, steps, described_by, out);
                }
                _ => leaf(a, b, out, steps),
            },
        },
        // One side lacks an optional group: each of its fields is told.
        (Some(Json::Object(fields)), None) | (None, Some(Json::Object(fields)))
            if variant(a.or(b).unwrap_or_default()).is_none() =>
        {
            for (key, value) in fields {
                steps.push(Step::Field(key.clone()));
                let (x, y) = if a.is_some() {
                    (Some(value), None)
                } else {
                    (None, Some(value))
                };
                compare(x, y, steps, described_by, out);
                steps.pop();
            }
        }
        _ => leaf(a, b, out, steps),
    }
}

/// Two lists: items with an area code are matched by it (a region either has lost or
/// gained is one difference); others by position.
fn compare_lists(
    ax: &[Json],
    ay: &[Json],
    steps: &mut Vec<Step>,
    described_by: Side,
    out: &mut Vec<Raw>,
) {
    let coded = !ax.is_empty() && ax.iter().chain(ay).all(|item| code(item).is_some());
    if !coded {
        for i in 0..ax.len().max(ay.len()) {
            steps.push(Step::Index(i));
            compare(ax.get(i), ay.get(i), steps, described_by, out);
            steps.pop();
        }
        return;
    }
    for (i, x) in ax.iter().enumerate() {
        steps.push(Step::Index(i));
        match ay.iter().find(|y| code(y) == code(x)) {
            Some(y) => compare(Some(x), Some(y), steps, described_by, out),
            None => out.push(Raw {
                steps: steps.clone(),
                described_by: Side::A,
                a: Cell::Present(item_name(x)),
                b: Cell::Absent,
                source_a: String::new(),
                source_b: String::new(),
            }),
        }
        steps.pop();
    }
    for (i, y) in ay.iter().enumerate() {
        if ax.iter().all(|x| code(x) != code(y)) {
            steps.push(Step::Index(i));
            out.push(Raw {
                steps: steps.clone(),
                described_by: Side::B,
                a: Cell::Absent,
                b: Cell::Present(item_name(y)),
                source_a: String::new(),
                source_b: String::new(),
            });
            steps.pop();
        }
    }
}

/// One input of a scenario, for a sheet of assumptions.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    /// The field's path in the file.
    pub path: String,
    /// Where the field is, in the editor's words.
    pub place: String,
    pub value: Cell,
    pub source: String,
}

/// The assumptions a reader of the results must see, each with its source: every input that
/// names a source, and every assumption and programme rule (sourced or not).
pub fn assumptions(plan: &Plan, lang: Lang) -> Vec<Input> {
    inputs(plan, lang)
        .into_iter()
        .filter(|input| {
            !input.source.trim().is_empty()
                || input.path.starts_with("assumptions")
                || input.path.starts_with("programme")
        })
        .collect()
}

/// Every input of `plan` in the order of the file, each with its source when it has one.
pub fn inputs(plan: &Plan, lang: Lang) -> Vec<Input> {
    let Ok(json) = serde_json::to_value(plan) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    leaves(&json, &mut Vec::new(), &mut found);
    found
        .into_iter()
        .map(|(steps, value)| {
            let (value, source) = sourced(value).map_or((value, ""), |(v, s)| (v, s));
            Input {
                path: path_text(&steps),
                place: place_of(&steps, plan, lang),
                value: Cell::Value(value.clone()),
                source: source.to_owned(),
            }
        })
        .collect()
}

/// `steps` as the field module's walk through a plan.
fn walk_of(steps: &[Step]) -> Vec<Walk<'_>> {
    steps
        .iter()
        .map(|s| match s {
            Step::Field(name) => Walk::Field(name),
            Step::Index(i) => Walk::Index(*i),
        })
        .collect()
}

/// Where the field at `steps` is, in the editor's words (its path when it has none).
fn place_of(steps: &[Step], plan: &Plan, lang: Lang) -> String {
    FieldPath::find(&walk_of(steps))
        .map(|field| format::place(&field.describe(plan), lang))
        .filter(|place| !place.is_empty())
        .unwrap_or_else(|| path_text(steps))
}

/// Every leaf of `value` with its steps: a sourced value is one leaf, an enum's variant is
/// looked through.
fn leaves<'a>(value: &'a Json, steps: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, &'a Json)>) {
    if sourced(value).is_some() {
        out.push((steps.clone(), value));
        return;
    }
    if let Some((_, inner)) = variant(value) {
        return leaves(inner, steps, out);
    }
    match value {
        Json::Object(fields) => {
            for (key, field) in fields {
                steps.push(Step::Field(key.clone()));
                leaves(field, steps, out);
                steps.pop();
            }
        }
        Json::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                steps.push(Step::Index(i));
                leaves(item, steps, out);
                steps.pop();
            }
        }
        _ => out.push((steps.clone(), value)),
    }
}

impl Cell {
    /// The value as a planner reads it: numbers in the language's style, yes or no, a
    /// variant's name, "(tidak ada)" for a field this scenario lacks.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Cell::Absent => lang.tr("diff.absent"),
            Cell::Present(name) => lang.tr_args("diff.present", &[("name", name.clone())]),
            Cell::Value(value) => json_text(value, lang),
        }
    }

    /// The value as plain data for a CSV file (`.` as decimal point, no separators).
    pub fn plain(&self) -> String {
        match self {
            Cell::Absent => String::new(),
            Cell::Present(name) => name.clone(),
            Cell::Value(Json::String(text)) => text.clone(),
            Cell::Value(value) => value.to_string(),
        }
    }
}

fn json_text(value: &Json, lang: Lang) -> String {
    match value {
        Json::Null => "–".to_owned(),
        Json::Bool(true) => lang.tr("diff.yes"),
        Json::Bool(false) => lang.tr("diff.no"),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(whole), _) => format::count(whole, lang),
            (None, Some(real)) => {
                // As many decimals as the value has (at most six): 1,66 not 1,660000.
                let shortest = format!("{real}");
                let decimals = shortest
                    .split_once('.')
                    .map_or(0, |(_, fraction)| fraction.len().min(6));
                format::decimal(real, decimals, lang)
            }
            (None, None) => n.to_string(),
        },
        Json::String(text) => text.clone(),
        Json::Object(fields) => match variant(value) {
            Some((name, inner)) => format!("{name}: {}", json_text(inner, lang)),
            // A group of values (the school mix): "tk: 10; sd: 40; …".
            None => fields
                .iter()
                .map(|(key, field)| format!("{key}: {}", json_text(field, lang)))
                .collect::<Vec<_>>()
                .join("; "),
        },
        Json::Array(items) => items
            .iter()
            .map(|item| json_text(item, lang))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::plan::field::Step as FieldStep;
    use crate::model::plan::{AgeBandMortality, Mortality};

    fn example(name: &str) -> Plan {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        match crate::scenario::load(&path) {
            Ok(loaded) => loaded.plan,
            Err(problems) => panic!("{name}: {problems:?}"),
        }
    }

    /// Sulteng with every variant the format has: age bands, a province quota split by
    /// hand, a rule set of its own, observed deaths, coverage and budget per year, waves.
    fn every_variant() -> Plan {
        use crate::model::plan::*;
        let mut plan = example("scenarios/sulteng-2026.ron");
        plan.assumptions.mortality = Mortality::AgeBands(crate::model::defaults::tmi_iv_bands());
        plan.assumptions.observed_deaths = Some(ObservedDeaths {
            deaths: 10,
            member_years: 1_000.0,
            prior_member_years: 1_000.0,
            from: YearMonth {
                year: 2024,
                month: 1,
            },
            to: YearMonth {
                year: 2024,
                month: 12,
            },
            source: String::new(),
        });
        plan.province_quota = Some(ProvinceQuota {
            payer: PayerKind::ApbdProvinsi,
            workers: 100,
            split: QuotaSplit::Explicit(vec![100]),
            source: String::new(),
        });
        plan.rule_sets = crate::model::builtin::built_in().to_vec();
        let region = &mut plan.regions[0];
        region.coverage.path = CoveragePath::PerYear(vec![10.0, 20.0]);
        region.coverage.waves = vec![Wave {
            month: 1,
            share_pct: 100.0,
            until_month: Some(12),
        }];
        region.budget = Budget::PerYear(vec![1, 2]);
        plan
    }

    #[test]
    fn every_field_of_the_examples_has_its_place_in_the_editors_words() {
        let mut unplaced = Vec::new();
        let folders = ["scenarios", "tests/fixtures/v2"];
        let files = folders.iter().flat_map(|folder| {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
            let entries = std::fs::read_dir(dir).into_iter().flatten().flatten();
            entries.map(move |e| format!("{folder}/{}", e.file_name().to_string_lossy()))
        });
        let plans = files
            .filter(|f| f.ends_with(".ron"))
            .map(|name| example(&name))
            .chain([every_variant()]);
        for plan in plans {
            let json = serde_json::to_value(plan).unwrap_or_default();
            let mut found = Vec::new();
            leaves(&json, &mut Vec::new(), &mut found);
            for (steps, _) in found {
                let reached =
                    FieldPath::find(&walk_of(&steps)).map(|p| p.steps().collect::<Vec<_>>());
                let full = reached.is_some_and(|reached| {
                    reached.len() == steps.len()
                        && reached.iter().zip(&steps).all(|(r, s)| match (r, s) {
                            (FieldStep::Field(a), Step::Field(b)) => a == b,
                            (FieldStep::Index(a), Step::Index(b)) => a == b,
                            _ => false,
                        })
                });
                if !full {
                    unplaced.push(path_text(&steps));
                }
            }
        }
        unplaced.sort();
        unplaced.dedup();
        assert!(unplaced.is_empty(), "{unplaced:#?}");
    }

    fn sulteng() -> Plan {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/sulteng-2026.ron");
        match crate::scenario::load(&path) {
            Ok(loaded) => loaded.plan,
            Err(problems) => panic!("{problems:?}"),
        }
    }

    #[test]
    fn the_same_plan_has_no_difference() {
        assert!(differences(&sulteng(), &sulteng(), Lang::Id).is_empty());
    }

    #[test]
    fn a_changed_value_is_told_with_both_sources_in_the_editors_words() {
        let a = sulteng();
        let mut b = a.clone();
        b.programme.declared_income.value = 1_500_000;
        b.programme.declared_income.source = "Usulan Disnaker".into();
        b.regions[2].pool.count += 1;
        let found = differences(&a, &b, Lang::Id);
        assert_eq!(found.len(), 2, "{found:#?}");
        let income = &found[0];
        assert_eq!(income.path, "programme.declared_income");
        assert_eq!(income.place, "Program & iuran › Penghasilan dilaporkan");
        assert_eq!(income.a.text(Lang::Id), "1.000.000");
        assert_eq!(income.b.text(Lang::Id), "1.500.000");
        assert_eq!(income.source_b, "Usulan Disnaker");
        assert_ne!(income.source_a, income.source_b);
        let pool = &found[1];
        assert_eq!(pool.path, "regions[2].pool.count");
        assert!(pool.place.starts_with("Wilayah 3 ("), "{}", pool.place);
        assert!(
            pool.place.ends_with("Sasaran › Jumlah sasaran"),
            "{}",
            pool.place
        );
    }

    #[test]
    fn regions_are_matched_by_code_so_a_removed_region_is_one_difference() {
        let a = sulteng();
        let mut b = a.clone();
        let removed = b.regions.remove(0);
        // Every other region moved up one place, yet none of them differs.
        let found = differences(&a, &b, Lang::Id);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].path, "regions[0]");
        assert_eq!(
            found[0].a,
            Cell::Present(format!("{} ({})", removed.name, removed.code))
        );
        assert_eq!(found[0].b, Cell::Absent);
        assert_eq!(found[0].b.text(Lang::Id), "(tidak ada)");
        // The other way round, it is the second scenario's region.
        let back = differences(&b, &a, Lang::En);
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].a.text(Lang::En), "(none)");
    }

    #[test]
    fn another_kind_of_mortality_is_one_difference() {
        let a = sulteng();
        let mut b = a.clone();
        b.assumptions.mortality = Mortality::AgeBands(AgeBandMortality {
            loading: 1.0,
            male_pct: 50.0,
            bands: Vec::new(),
            source: "TMI IV".into(),
        });
        let found = differences(&a, &b, Lang::Id);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].path, "assumptions.mortality");
        assert!(found[0].b.text(Lang::Id).starts_with("AgeBands"));
    }
}
