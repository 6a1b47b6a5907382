//! `lindung`: the command line, and (with no command) the desktop app.

use std::process::ExitCode;

use lindung::cli::{self, Outcome};

fn main() -> ExitCode {
    env_logger::init();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match cli::main_with(std::env::args_os(), &mut out, &mut err) {
        Outcome::Exit(code) => code,
        Outcome::OpenApp(path) => match lindung::ui::run(path) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                log::error!("the window could not be opened: {e}");
                eprintln!("Lindung: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
