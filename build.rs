//! Names the build for `lindung --version`: the Git commit it was built from and the day it
//! was built (from `SOURCE_DATE_EPOCH` when set, for reproducible builds; otherwise today,
//! UTC). Outside a Git checkout (a source tarball) the commit reads "unknown".
//!
//! For Windows it also gives the executables their icon and the version information Explorer
//! shows under Properties → Details (through `winresource` and MinGW's `windres`).

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

    // The target's system, not the build machine's: Windows executables are cross-built here.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("windows") {
        windows_resources(&commit);
    }
}

/// The icon (16 to 256 pixels) and version information of `lindung.exe` and `lindung-cli.exe`.
fn windows_resources(commit: &str) {
    let icon = "assets/icon/lindung.ico";
    println!("cargo:rerun-if-changed={icon}");
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon(icon)
        .set("ProductName", "Lindung")
        .set(
            "FileDescription",
            "Lindung: perencanaan APBD untuk iuran BPJS Ketenagakerjaan pekerja rentan",
        )
        .set("Comments", &format!("commit {commit}"))
        .set("LegalCopyright", "MIT OR Apache-2.0");
    if let Err(e) = resource.compile() {
        // Without the resource compiler the program would build without its icon: stop instead.
        panic!("the Windows icon and version information could not be built: {e}");
    }
}
