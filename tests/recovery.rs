//! Crash recovery with the real app: started under Xvfb with unsaved work (as the last run
//! left it), it keeps a recovery copy within seconds; killed with `kill -9`, the copy stays for
//! the next start to offer (the offer itself is tested in `ui_app.rs`).

#![allow(clippy::expect_used)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use lindung::ui::AppState;
use lindung::ui::settings::Recovery;

const PALU: &str = include_str!("../scenarios/palu-2026.ron");

#[cfg(unix)]
#[test]
fn unsaved_work_survives_kill_9() {
    let home = tempfile::tempdir().expect("temp dir");
    let runtime = tempfile::tempdir().expect("temp dir");
    let data = home.path().join("data");
    let folder = data.join("lindung");
    std::fs::create_dir_all(&folder).expect("creates");
    // The last run closed with unsaved changes: this run starts with them.
    let mut scenario = lindung::scenario::parse(PALU).expect("parses").plan;
    scenario.regions[0].pool.count = 54_321;
    let state = AppState {
        last_text: lindung::scenario::to_ron_string(&scenario).ok(),
        last_example: Some("palu-2026.ron".to_owned()),
        last_dirty: true,
        ..AppState::default()
    };
    lindung::ui::settings::save(&folder, &state);

    let pid_file = home.path().join("pid");
    let script = format!(
        "{} & echo $! > {}; wait",
        env!("CARGO_BIN_EXE_lindung"),
        pid_file.display()
    );
    let mut xvfb = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24", "sh", "-c", &script])
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", &data)
        .env("XDG_RUNTIME_DIR", runtime.path())
        .spawn()
        .expect("xvfb-run starts (CI installs it)");

    let copies = folder.join("pemulihan");
    let written = wait_for(Duration::from_secs(90), || {
        std::fs::read_dir(&copies).is_ok_and(|mut entries| entries.next().is_some())
    });
    let pid = std::fs::read_to_string(&pid_file).expect("pid written");
    let killed = Command::new("kill")
        .args(["-9", pid.trim()])
        .status()
        .expect("kill");
    xvfb.wait().ok();
    assert!(written, "no recovery copy within 90 s");
    assert!(killed.success());

    let copy = std::fs::read_dir(&copies)
        .expect("folder")
        .next()
        .expect("one copy")
        .expect("entry")
        .path();
    let recovery = read_recovery(&copy);
    let recovered = recovery.document().expect("recovers");
    assert_eq!(recovered.scenario, scenario);
    assert_eq!(recovery.example.as_deref(), Some("palu-2026.ron"));
}

fn read_recovery(path: &Path) -> Recovery {
    let text = std::fs::read_to_string(path).expect("reads");
    ron::from_str(&text).expect("a recovery copy")
}

fn wait_for(limit: Duration, done: impl Fn() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if done() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    done()
}
