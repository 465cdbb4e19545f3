//! The command line, parsed by clap into a [`Command`], without touching the disk or running
//! anything: checking that an exercise number exists needs the course on disk and happens later,
//! in [`crate::course::Course::exercise`].

use clap::{Parser, Subcommand};

use crate::error::{Error, Result};

/// The course runner: your progress through the exercises, hints, checks and solutions.
#[derive(Debug, Parser)]
#[command(
    name = "cargo xtask",
    about = "The course runner: your progress through the exercises, hints, checks and solutions.",
    after_help = "With no command, in a terminal: `watch`. Otherwise (a pipe, a script, CI): \
                  `progress`.",
    disable_help_subcommand = false
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

/// What the learner (or CI) asked for.
#[derive(Debug, PartialEq, Eq, Subcommand)]
pub enum Command {
    /// The current exercise, checked again each time you save; keys for hints and more
    /// (what `cargo xtask` alone opens in a terminal)
    Watch,
    /// Run every exercise's checks and show which ones pass (`cargo xtask` alone, when its
    /// output is not a terminal)
    Progress,
    /// List the exercises without running anything
    List,
    /// Run exercise N's checks and show their messages (N may also name a lesson with one
    /// exercise: `check lesson-01`)
    Check {
        #[arg(value_name = "N", value_parser = parse_exercise)]
        exercise: ExerciseRef,
    },
    /// Show hint K (default 1) of exercise N
    Hint {
        #[arg(value_name = "N", value_parser = parse_exercise)]
        exercise: ExerciseRef,
        #[arg(value_name = "K", default_value_t = 1, value_parser = parse_hint)]
        hint: usize,
    },
    /// Put exercise N's starting file back (yours is kept in target/xtask/)
    Reset {
        #[arg(value_name = "N", value_parser = parse_exercise)]
        exercise: ExerciseRef,
    },
    /// Show exercise N's reference solution once your answer passes
    Solution {
        #[arg(value_name = "N", value_parser = parse_exercise)]
        exercise: ExerciseRef,
        /// Show it anyway, even before your answer passes
        #[arg(long)]
        force: bool,
    },
    /// For maintainers and CI: every test of the course, then the book
    Verify,
    /// For maintainers and CI: the built book in headless Chromium, every chapter at 1280 and
    /// 390 px (needs Chromium: `apt-get install chromium`, or CHROMIUM=/path/to/it)
    Browser,
    /// For maintainers: cargo-mutants over the reference solutions (of exercise N, or all), to
    /// find wrong answers the checks still pass
    Mutants {
        #[arg(value_name = "N", value_parser = parse_exercise)]
        exercise: Option<ExerciseRef>,
    },
}

/// How the learner names an exercise: by its number (`3`), or by its lesson (`lesson-01`), which
/// is enough when that lesson has one exercise. Whether it exists is the course's to say
/// ([`crate::course::Course::exercise`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExerciseRef {
    Number(u32),
    Lesson(String),
}

/// What the command line asked for: a command, help (already rendered by clap), or nothing
/// (`cargo xtask` alone, whose meaning depends on where its output goes).
#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    Run(Command),
    Default,
    Help(String),
}

/// Parses the arguments that follow `cargo xtask`. A mistake is one line, for `error: …`, with
/// clap's explanation and where to read more.
pub fn parse(args: &[String]) -> Result<Parsed> {
    let argv = std::iter::once("cargo xtask".to_owned()).chain(args.iter().cloned());
    match Cli::try_parse_from(argv) {
        Ok(Cli {
            command: Some(command),
        }) => Ok(Parsed::Run(command)),
        Ok(Cli { command: None }) => Ok(Parsed::Default),
        Err(error) => match error.kind() {
            clap::error::ErrorKind::DisplayHelp
            | clap::error::ErrorKind::DisplayVersion
            | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
                Ok(Parsed::Help(error.render().to_string()))
            }
            _ => Err(Error::Usage(one_line(&error.render().to_string()))),
        },
    }
}

/// clap's message on one line: what went wrong (with its tip, if any), without the usage block
/// that follows, and where the commands are explained.
fn one_line(rendered: &str) -> String {
    let what: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|line| !line.starts_with("Usage:") && !line.starts_with("For more"))
        .filter(|line| !line.is_empty())
        .collect();
    let what = what.join(" ");
    let what = what.strip_prefix("error: ").unwrap_or(&what);
    format!("{what} (cargo xtask help)")
}

/// An exercise's number, or a lesson's name (`lesson-01`).
fn parse_exercise(argument: &str) -> std::result::Result<ExerciseRef, String> {
    if argument.starts_with("lesson-") {
        return Ok(ExerciseRef::Lesson(argument.to_owned()));
    }
    argument
        .parse()
        .map(ExerciseRef::Number)
        .map_err(|_| format!("exercise number expected, got '{argument}'"))
}

/// A hint's number, from 1.
fn parse_hint(argument: &str) -> std::result::Result<usize, String> {
    match argument.parse() {
        Ok(0) | Err(_) => Err(format!("hint number (1, 2, 3) expected, got '{argument}'")),
        Ok(hint) => Ok(hint),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Parsed> {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        parse(&args)
    }

    fn command(line: &str) -> Command {
        match parse_str(line) {
            Ok(Parsed::Run(command)) => command,
            other => panic!("expected a command for {line:?}, got {other:?}"),
        }
    }

    fn usage_message(line: &str) -> String {
        match parse_str(line) {
            Err(Error::Usage(message)) => message,
            other => panic!("expected a usage error for {line:?}, got {other:?}"),
        }
    }

    #[test]
    fn no_arguments_is_left_to_the_caller() {
        assert_eq!(parse_str(""), Ok(Parsed::Default));
        assert_eq!(command("progress"), Command::Progress);
        assert_eq!(command("watch"), Command::Watch);
    }

    #[test]
    fn commands_without_arguments() {
        assert_eq!(command("list"), Command::List);
        assert_eq!(command("verify"), Command::Verify);
        assert_eq!(command("mutants"), Command::Mutants { exercise: None });
        for help in ["help", "--help", "-h", "help hint"] {
            assert!(matches!(parse_str(help), Ok(Parsed::Help(_))), "{help}");
        }
    }

    #[test]
    fn commands_with_an_exercise_number() {
        let three = ExerciseRef::Number(3);
        assert_eq!(
            command("check 3"),
            Command::Check {
                exercise: three.clone()
            }
        );
        assert_eq!(command("reset 3"), Command::Reset { exercise: three });
        assert_eq!(
            command("check lesson-01"),
            Command::Check {
                exercise: ExerciseRef::Lesson("lesson-01".to_owned())
            }
        );
    }

    #[test]
    fn hint_defaults_to_the_first() {
        let exercise = ExerciseRef::Number(3);
        let first = Command::Hint {
            exercise: exercise.clone(),
            hint: 1,
        };
        assert_eq!(command("hint 3"), first);
        assert_eq!(command("hint 3 2"), Command::Hint { exercise, hint: 2 });
    }

    #[test]
    fn solution_force_may_come_before_or_after_the_number() {
        let forced = Command::Solution {
            exercise: ExerciseRef::Number(3),
            force: true,
        };
        assert_eq!(command("solution 3 --force"), forced);
        assert_eq!(command("solution --force 3"), forced);
        assert!(matches!(
            command("solution 3"),
            Command::Solution { force: false, .. }
        ));
    }

    #[test]
    fn mistakes_are_one_line_that_say_what_is_wrong() {
        for (line, expected) in [
            ("check abc", "exercise number expected, got 'abc'"),
            ("hint 3 x", "hint number (1, 2, 3) expected, got 'x'"),
            ("hint 3 0", "hint number (1, 2, 3) expected, got '0'"),
            ("check -1", "unexpected argument '-1'"),
            ("frobnicate", "unrecognized subcommand 'frobnicate'"),
            ("list 3", "unexpected argument '3'"),
            ("check 3 --force", "unexpected argument '--force'"),
            ("hint 3 1 2", "unexpected argument '2'"),
            ("reset", "required arguments were not provided: <N>"),
        ] {
            let message = usage_message(line);
            assert!(message.contains(expected), "{line}: {message}");
            assert!(!message.contains('\n'), "{line}: {message}");
            assert!(message.ends_with("(cargo xtask help)"), "{line}: {message}");
        }
    }
}
