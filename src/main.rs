//! `lindung`: the command line, and (with no command) the desktop app.

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
