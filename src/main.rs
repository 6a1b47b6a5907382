//! `lindung`: the command line, and (with no command) the desktop app.

use std::process::ExitCode;

use lindung::cli::{self, Outcome};

fn main() -> ExitCode {
    env_logger::init();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match cli::main_with(std::env::args_os(), &mut out, &mut err) {
        Outcome::Exit(code) => code,
        Outcome::OpenApp(_) => {
            // The desktop app is not built yet: show the commands instead.
            let help = cli::main_with(["lindung".into(), "--help".into()], &mut out, &mut err);
            match help {
                Outcome::Exit(_) => ExitCode::SUCCESS,
                Outcome::OpenApp(_) => ExitCode::FAILURE,
            }
        }
    }
}
