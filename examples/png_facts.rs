//! For `.ci/run`: prints a PNG's width, height and number of distinct colours, to check that a
//! screenshot of the window (under Xvfb or Wine) has the window's size and is not blank (a
//! blank or single-colour picture has one or two colours; a drawn window has hundreds, from
//! its anti-aliased text).

use std::collections::HashSet;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: png_facts FILE.png");
        return ExitCode::from(2);
    };
    match image::open(&path) {
        Ok(picture) => {
            let picture = picture.to_rgba8();
            let colours: HashSet<[u8; 4]> = picture.pixels().map(|pixel| pixel.0).collect();
            println!("{} {} {}", picture.width(), picture.height(), colours.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", std::path::Path::new(&path).display());
            ExitCode::FAILURE
        }
    }
}
