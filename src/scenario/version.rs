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
    /// The text of a current file as read, to find the lines of problems in it (an older
    /// file's fields are not where the current plan has them, so it has none).
    pub source: Option<String>,
    /// How many comments the file has, besides the first line naming the Lindung that saved
    /// it (saving the plan writes no others).
    pub comments: usize,
    /// The version of Lindung that saved the file, when its first line names one.
    pub saved_with: Option<String>,
    /// The file as read, to notice later changes by someone else (none for text not read from
    /// a file).
    pub stamp: Option<super::file::Stamp>,
}

impl Loaded {
    /// The problems with the lines where the file has their fields, when it is current.
    pub fn located(&self, mut problems: Vec<Problem>) -> Vec<Problem> {
        if let Some(text) = &self.source {
            super::locate::locate(&mut problems, text);
        }
        problems
    }
}

/// The Lindung that saved `text` (its first line), and how many comments it has besides
/// that line.
fn saved_with_and_comments(text: &str) -> (Option<String>, usize) {
    let saved_with = super::io::saved_with(text);
    let comments = super::locate::comment_count(text);
    let comments = comments.saturating_sub(usize::from(saved_with.is_some()));
    (saved_with, comments)
}

/// Only the `version` field; every other field is skipped.
#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Most numbers written the Indonesian way that are listed before reading stops.
const MAX_NUMBER_MISTAKES: usize = 100;

/// Reads a scenario of any released version. A number written the Indonesian way (`2,41`,
/// `60.426`) is reported and reading goes on past it, so that every such mistake is listed at
/// once; any other syntax error stops the reading, and the list says that more may follow.
pub fn parse_any_version(text: &str) -> Result<Loaded, Vec<Problem>> {
    read_on(text).map_err(|mut problems| {
        // In the order of the file (a first, quicker reading may find a later one first).
        problems.sort_by_key(|p| p.location.reading_order());
        problems
    })
}

fn read_on(text: &str) -> Result<Loaded, Vec<Problem>> {
    let mut found = Vec::new();
    let mut text = std::borrow::Cow::Borrowed(text);
    loop {
        match parse_once(&text) {
            Ok(loaded) if found.is_empty() => return Ok(loaded),
            Ok(_) => return Err(found),
            Err(Failure::Ron(error)) => match super::io::number_mistake(&text, &error) {
                Some((problem, corrected)) if found.len() < MAX_NUMBER_MISTAKES => {
                    found.push(problem);
                    text = std::borrow::Cow::Owned(corrected);
                }
                _ => {
                    // Reading stops here: what follows is not read (unless this is the end).
                    let problem = problem_from_ron(&text, &error);
                    let more_may_follow = problem.key != "problem.unexpected_end";
                    found.push(problem);
                    if more_may_follow {
                        found.push(Problem::new(
                            Location::File,
                            "problem.more_may_follow",
                            vec![],
                        ));
                    }
                    return Err(found);
                }
            },
            Err(Failure::Other(problems)) => {
                found.extend(problems);
                return Err(found);
            }
        }
    }
}

/// Why one reading failed: RON could not read the text, or it is no version Lindung reads.
enum Failure {
    Ron(ron::error::SpannedError),
    Other(Vec<Problem>),
}

fn parse_once(text: &str) -> Result<Loaded, Failure> {
    // A file of this version without a mistake (nearly every file) is read once. Any other
    // file's version is read first, so that a mistake is reported against the version the
    // file says it has (a mistake of this version's file: as that first reading found it).
    let as_current = match ron::from_str::<v2::File>(text) {
        Ok(file) if file.version == CURRENT_VERSION => return Ok(current_version(file, text)),
        other => other,
    };
    let probe: VersionProbe = ron::from_str(text).map_err(Failure::Ron)?;
    let located = Failure::Ron;
    match probe.version {
        1 => {
            let old: v1::Scenario = ron::from_str(text).map_err(located)?;
            let (plan, migration) = migrate::from_v1(old);
            let (saved_with, comments) = saved_with_and_comments(text);
            Ok(Loaded {
                plan,
                from_version: 1,
                migration: Some(migration),
                source: None,
                comments,
                saved_with,
                stamp: None,
            })
        }
        CURRENT_VERSION => as_current
            .map(|file| current_version(file, text))
            .map_err(located),
        newer if newer > CURRENT_VERSION => {
            let found = ("found", newer.to_string());
            let current = ("current", CURRENT_VERSION.to_string());
            // Which Lindung to update to, when the file says which one saved it.
            let problem = match super::io::saved_with(text) {
                Some(saved_with) => Problem::new(
                    Location::File,
                    "problem.version_newer_saved_with",
                    vec![
                        found,
                        ("saved_with", saved_with),
                        ("this", super::io::THIS_VERSION.to_owned()),
                        current,
                    ],
                ),
                None => Problem::new(
                    Location::File,
                    "problem.version_newer",
                    vec![found, current],
                ),
            };
            Err(Failure::Other(vec![problem]))
        }
        unknown => Err(Failure::Other(vec![Problem::new(
            Location::File,
            "problem.version_unknown",
            vec![("found", unknown.to_string())],
        )])),
    }
}

/// A file of the current version, read.
fn current_version(file: v2::File, text: &str) -> Loaded {
    let (saved_with, comments) = saved_with_and_comments(text);
    Loaded {
        plan: file.into(),
        from_version: CURRENT_VERSION,
        migration: None,
        source: Some(text.to_owned()),
        comments,
        saved_with,
        stamp: None,
    }
}
