//! `lindung`: the desktop app, and (given a command) the command line.
//!
//! On Windows this is a window program: started from the Start menu, Explorer or a
//! double-clicked scenario, no console window opens behind the app. Windows' `cmd` and
//! PowerShell neither wait for a window program nor show its output: for commands there, the
//! small console program `lindung-cli.exe` (`src/bin/lindung-cli.rs`) runs this one and
//! passes on its output and exit code.
#![cfg_attr(windows, windows_subsystem = "windows")]

use std::process::ExitCode;

use lindung::cli::{self, Outcome};

fn main() -> ExitCode {
    lindung::ui::init_logging();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match cli::main_with(std::env::args_os(), &mut out, &mut err) {
        Outcome::Exit(code) => code,
        Outcome::OpenApp(paths, present) => match lindung::ui::run(paths, present) {
            Ok(()) => ExitCode::SUCCESS,
            Err(lindung::ui::WindowError::Window(e)) => {
                log::debug!("the window could not be opened: {e}");
                eprint!("{}", cli::window_error_text(&e, cli::no_display()));
                ExitCode::FAILURE
            }
            Err(lindung::ui::WindowError::Graphics(text)) => {
                eprintln!("Lindung: {text}");
                ExitCode::FAILURE
            }
        },
    }
}
