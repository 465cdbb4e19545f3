//! The course runner, `cargo xtask`: which exercises pass, hints, checks, resets, solutions,
//! and the course's own verification.
//!
//! It is a plain Rust program in the workspace (the "xtask" convention) so that it needs nothing
//! but the toolchain: no shell scripts, no tools to install. The alias in `.cargo/config.toml`
//! makes `cargo xtask …` run it. It works from what is on disk and what `cargo test` says; the
//! one thing it stores is where the watch screen was, in `target/xtask/`. `cargo xtask help`
//! lists the commands.

#[cfg(feature = "browser")]
mod browser;
mod cargo;
mod cli;
mod course;
mod error;
mod exercise;
mod hints;
mod mutants;
mod progress;
mod suite;
mod test_output;
mod tools;
mod verify;
mod watch;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use std::io::IsTerminal;

use cli::{Command, Parsed};
use course::Course;
use error::{Error, Result};

fn main() -> ExitCode {
    // `args_os`: `args` would panic on an argument that is not valid UTF-8.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    match run(&args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}

/// Parses the command line, finds the course, and does what was asked.
fn run(args: &[String]) -> Result<ExitCode> {
    let command = match cli::parse(args)? {
        Parsed::Run(command) => command,
        Parsed::Help(text) => {
            println!("{}", text.trim_end());
            return Ok(ExitCode::SUCCESS);
        }
        // `cargo xtask` alone: the watch screen for a person at a terminal, the plain progress
        // report for a pipe, a script or CI.
        Parsed::Default if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() => {
            Command::Watch
        }
        Parsed::Default => Command::Progress,
    };
    let course = Course::discover(&repo_root()?)?;
    match command {
        Command::Watch => watch::watch(&course)?,
        Command::Progress => progress::progress(&course)?,
        Command::List => progress::list(&course),
        Command::Check { exercise } => {
            return exercise::check(&course, course.exercise(&exercise)?);
        }
        Command::Hint { exercise, hint } => {
            exercise::hint(&course, course.exercise(&exercise)?, hint)?;
        }
        Command::Reset { exercise } => exercise::reset(&course, course.exercise(&exercise)?)?,
        Command::Solution { exercise, force } => {
            exercise::solution(&course, course.exercise(&exercise)?, force)?;
        }
        Command::Verify => verify::verify(&course)?,
        #[cfg(feature = "browser")]
        Command::Browser => browser::browser(&course)?,
        // Built without the browser's code (what `cargo xtask` builds): run again with it.
        #[cfg(not(feature = "browser"))]
        Command::Browser => {
            let mut command = cargo::cargo(course.root());
            command.args([
                "run",
                "--quiet",
                "--package",
                "xtask",
                "--features",
                "browser",
                "--",
                "browser",
            ]);
            return Ok(if cargo::run_in_view(command)? {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            });
        }
        Command::Mutants { exercise } => {
            let exercises: Vec<&course::Exercise> = match exercise {
                Some(reference) => vec![course.exercise(&reference)?],
                None => course.exercises.iter().collect(),
            };
            mutants::mutants(&course, &exercises)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The repository root. `cargo run` (and so `cargo xtask`) tells us where this crate is, in
/// `CARGO_MANIFEST_DIR` at run time, and the root is its parent. Run any other way, we look
/// upwards from the current folder for the workspace's `Cargo.toml`. (Not `env!`, fixed at build
/// time: a course folder moved or copied with its `target/` would then send us to the old one.)
fn repo_root() -> Result<PathBuf> {
    let from_cargo = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .and_then(|dir| dir.parent().map(Path::to_path_buf))
        .filter(|dir| is_course_root(dir));
    let from_here = || {
        let here = std::env::current_dir().ok()?;
        here.ancestors()
            .find(|dir| is_course_root(dir))
            .map(Path::to_path_buf)
    };
    from_cargo.or_else(from_here).ok_or_else(|| {
        Error::Failed(
            "cannot find the course (a Cargo.toml with [workspace] next to lessons/); \
             run `cargo xtask` inside the course's folder"
                .to_string(),
        )
    })
}

/// The course's root holds the workspace's `Cargo.toml` and the `lessons/` folder.
fn is_course_root(dir: &Path) -> bool {
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
    manifest.contains("[workspace]") && dir.join("lessons").is_dir()
}
