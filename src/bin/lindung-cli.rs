//! `lindung-cli`: Lindung's commands for Windows' `cmd` and PowerShell.
//!
//! `lindung.exe` is a window program, so that no console window opens behind the app; but
//! `cmd` and PowerShell neither wait for a window program nor show what it prints. This small
//! console program runs the `lindung` beside it with the same arguments, passes on everything
//! it prints, waits for it and returns its exit code (0 fine, 1 problems, 2 usage):
//! `lindung-cli run scenario.ron` works as `lindung run scenario.ron` does on Linux. Without a
//! command it opens the window as `lindung` does, and returns when the window closes.
//!
//! It relays through pipes rather than handing the console itself to `lindung.exe`, which a
//! window program cannot rely on using. It is under 1 MB beside the 44 MB of `lindung.exe` (a
//! second, console build of the whole program would double the download).

use std::io;
use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};

fn main() -> ExitCode {
    let program = lindung_beside_this();
    let started = Command::new(&program)
        .args(std::env::args_os().skip(1))
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match started {
        Ok(child) => child,
        Err(e) => {
            eprintln!(
                "lindung-cli: {} tidak dapat dijalankan / could not be started: {e}",
                program.display()
            );
            return ExitCode::FAILURE;
        }
    };
    // Both streams at once, so that neither pipe fills up while the other is read.
    let errors = child.stderr.take().map(|mut stderr| {
        std::thread::spawn(move || io::copy(&mut stderr, &mut io::stderr().lock()))
    });
    if let Some(mut stdout) = child.stdout.take() {
        // A closed standard output (`lindung-cli … | more`, quit early) ends the copying; the
        // program itself then notices it on its next write.
        let _ = io::copy(&mut stdout, &mut io::stdout().lock());
    }
    if let Some(errors) = errors {
        let _ = errors.join();
    }
    match child.wait() {
        Ok(status) => match status.code() {
            Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
            None => ExitCode::FAILURE,
        },
        Err(e) => {
            eprintln!("lindung-cli: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `lindung.exe` (or `lindung`) in this program's folder.
fn lindung_beside_this() -> PathBuf {
    let name = format!("lindung{}", std::env::consts::EXE_SUFFIX);
    match std::env::current_exe() {
        Ok(exe) => exe.with_file_name(name),
        Err(_) => PathBuf::from(name),
    }
}
