//! File versions. Every file states its `version`; this build reads every released version,
//! migrates older ones into the current plan, and refuses newer files with a clear message
//! instead of misreading them.
//!
//! When the format changes incompatibly: freeze the released types in a module `v<N>`, raise
//! [`CURRENT_VERSION`], and add a step in `scenario::migrate`, so old files keep opening.
//!
//! | version | released | what changed |
//! |---|---|---|
//! | 1 | Lindung 0.1 (2026) | first published format |
//! | 2 | this build | see `scenario::migrate` |

use serde::Deserialize;

use super::io::problem_from_ron;
use super::migrate::{self, Migration};
use super::problem::{Location, Problem};
use super::{v1, v2};
use crate::model::plan::Plan;

/// The version this build writes.
pub const CURRENT_VERSION: u32 = 2;

/// A file as read: the plan, the version it was written in, and what migrating it changed.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub plan: Plan,
    pub from_version: u32,
    /// Empty for a current file.
    pub migration: Option<Migration>,
}

/// Only the `version` field; every other field is skipped.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

pub fn parse_any_version(text: &str) -> Result<Loaded, Vec<Problem>> {
    let probe: VersionProbe = ron::from_str(text).map_err(|e| vec![problem_from_ron(text, &e)])?;
    let located = |e: ron::error::SpannedError| vec![problem_from_ron(text, &e)];
    match probe.version {
        1 => {
            let old: v1::Scenario = ron::from_str(text).map_err(located)?;
            let (plan, migration) = migrate::from_v1(old);
            Ok(Loaded {
                plan,
                from_version: 1,
                migration: Some(migration),
            })
        }
        CURRENT_VERSION => {
            let file: v2::File = ron::from_str(text).map_err(located)?;
            Ok(Loaded {
                plan: file.into(),
                from_version: CURRENT_VERSION,
                migration: None,
            })
        }
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
