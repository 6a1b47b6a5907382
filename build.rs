//! Names the build for `lindung --version`: the Git commit it was built from and the day it
//! was built (from `SOURCE_DATE_EPOCH` when set, for reproducible builds; otherwise today,
//! UTC). Outside a Git checkout (a source tarball) the commit reads "unknown".

use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

#[path = "src/civil.rs"]
mod civil;

fn main() {
    let commit = Command::new("git")
        .args(["rev-parse", "--short=10", "HEAD"])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| "unknown".to_owned());
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    let (year, month, day) = civil::date_of_day(seconds.div_euclid(86_400));
    let version = env!("CARGO_PKG_VERSION");
    println!(
        "cargo:rustc-env=LINDUNG_LONG_VERSION={version} (commit {commit}, {year:04}-{month:02}-{day:02})"
    );
    println!("cargo:rustc-env=LINDUNG_COMMIT={commit}");
    // A new commit (HEAD moves, or the branch it names does) names a new build.
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
    if std::path::Path::new(".git/packed-refs").exists() {
        println!("cargo:rerun-if-changed=.git/packed-refs");
    }
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
}
