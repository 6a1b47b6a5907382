//! `lindung`: the desktop app, and (given a command) the command line.
//!
//! On Windows this is a window program: started from the Start menu, Explorer or a
//! double-clicked scenario, no console window opens behind the app. Windows' `cmd` and
//! PowerShell neither wait for a window program nor show its output, so the same program is
//! also built as the console program `lindung-cli.exe` (`src/bin/lindung-cli.rs`) for commands.
#![cfg_attr(windows, windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    lindung::program::main()
}
