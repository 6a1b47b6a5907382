//! What both executables do: the command line when given a command, otherwise the desktop
//! app. `lindung` (on Windows a window program, without a console) and `lindung-cli` (on
//! Windows a console program, for `cmd` and PowerShell) differ only in how Windows starts them.

use std::process::ExitCode;

use crate::cli::{self, Outcome};

/// Runs the program on the process's arguments; the exit code to return.
pub fn main() -> ExitCode {
    crate::ui::init_logging();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match cli::main_with(std::env::args_os(), &mut out, &mut err) {
        Outcome::Exit(code) => code,
        Outcome::OpenApp(paths, present) => match crate::ui::run(paths, present) {
            Ok(()) => ExitCode::SUCCESS,
            Err(crate::ui::WindowError::Window(e)) => {
                log::debug!("the window could not be opened: {e}");
                eprint!("{}", cli::window_error_text(&e, cli::no_display()));
                ExitCode::FAILURE
            }
            Err(crate::ui::WindowError::Graphics(text)) => {
                eprintln!("Lindung: {text}");
                ExitCode::FAILURE
            }
        },
    }
}
