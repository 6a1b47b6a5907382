//! `lindung-cli`: the same program as `lindung`, built as a console program on Windows, where
//! `lindung.exe` is a window program: `lindung-cli run scenario.ron` in `cmd` or PowerShell
//! prints its tables and messages and returns its exit code (0 fine, 1 problems, 2 usage).
//! Elsewhere it is identical to `lindung`.

fn main() -> std::process::ExitCode {
    lindung::program::main()
}
