//! File versions. Every file states its `version`; this build reads [`CURRENT_VERSION`] and
//! refuses newer files with a clear message instead of misreading them.
//!
//! When the format changes incompatibly: keep the old types in a module `v<N>` here, raise
//! `CURRENT_VERSION`, and add a match arm below that parses the old types and converts them
//! (`From<v1::Scenario> for Scenario`), so old files keep opening. Version 1 is the first
//! published format, so there is nothing to migrate yet.

use serde::Deserialize;

use super::io::problem_from_ron;
use super::problem::{Location, Problem};
use super::types::{CURRENT_VERSION, Scenario};

/// Only the `version` field; every other field is skipped.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

pub fn parse_any_version(text: &str) -> Result<Scenario, Vec<Problem>> {
    let probe: VersionProbe = ron::from_str(text).map_err(|e| vec![problem_from_ron(text, &e)])?;
    match probe.version {
        CURRENT_VERSION => ron::from_str(text).map_err(|e| vec![problem_from_ron(text, &e)]),
        newer if newer > CURRENT_VERSION => Err(vec![Problem::new(
            Location::File,
            "problem.version_newer",
            vec![
                ("found", newer.to_string()),
                ("current", CURRENT_VERSION.to_string()),
            ],
        )]),
        unknown => Err(vec![Problem::new(
            Location::File,
            "problem.version_unknown",
            vec![("found", unknown.to_string())],
        )]),
    }
}
