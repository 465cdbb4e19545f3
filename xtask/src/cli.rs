//! Turning the command line into a [`Command`], without touching the disk or running anything.
//!
//! Parsing is kept pure so that it can be unit-tested; checking that an exercise number exists
//! needs the course on disk and happens later, in [`crate::course::Course::exercise`].

use crate::error::{Error, Result};

/// What the learner (or CI) asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Run every lesson's checks and show which exercises pass (also what no arguments mean).
    Progress,
    /// Show the exercises without running anything.
    List,
    /// Run one exercise's checks with their messages visible.
    Check(ExerciseRef),
    /// Show hint `hint` (counting from 1) of an exercise.
    Hint { exercise: ExerciseRef, hint: usize },
    /// Put the stub back in place of the learner's file.
    Reset(ExerciseRef),
    /// Show the reference solution, once the exercise passes or when forced.
    Solution { exercise: ExerciseRef, force: bool },
    /// The course's own verification, for maintainers and CI.
    Verify,
    /// cargo-mutants over the reference solutions (one exercise, or all).
    Mutants(Option<ExerciseRef>),
    /// The usage text.
    Help,
}

/// How the learner names an exercise: by its number (`3`), or by its lesson (`lesson-01`), which
/// is enough when that lesson has one exercise. Whether it exists is the course's to say
/// ([`crate::course::Course::exercise`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExerciseRef {
    Number(u32),
    Lesson(String),
}

/// The names `cargo xtask help` and the "unknown command" error mention.
pub const COMMAND_NAMES: &str =
    "progress, list, check, hint, reset, solution, verify, mutants, help";

/// The usage text of `cargo xtask help`.
pub const USAGE: &str = "\
The course runner: your progress through the exercises, hints, checks and solutions.

usage: cargo xtask [command]

  (no command), progress   run every exercise's checks and show which ones pass
  list                     list the exercises without running anything
  check N                  run exercise N's checks and show their messages (N may also
                           name a lesson with one exercise: `check lesson-01`)
  hint N [K]               show hint K (default 1) of exercise N
  reset N                  put exercise N's starting file back (yours is kept in target/xtask/)
  solution N [--force]     show exercise N's reference solution once your answer passes
                           (--force: show it anyway)
  verify                   for maintainers and CI: every test of the course, then the book
  mutants [N]              for maintainers: cargo-mutants over the reference solutions (of
                           exercise N, or all), to find wrong answers the checks still pass
  help                     this text";

/// Parses the arguments that follow `cargo xtask`.
pub fn parse(args: &[String]) -> Result<Command> {
    let Some((name, rest)) = args.split_first() else {
        return Ok(Command::Progress);
    };
    let mut rest = Arguments::new(name, rest);
    let command = match name.as_str() {
        "progress" => Command::Progress,
        "list" => Command::List,
        "verify" => Command::Verify,
        "mutants" => Command::Mutants(rest.optional_exercise()?),
        "help" | "--help" | "-h" => Command::Help,
        "check" => Command::Check(rest.exercise()?),
        "reset" => Command::Reset(rest.exercise()?),
        "hint" => {
            let exercise = rest.exercise()?;
            let hint = rest.optional_hint()?.unwrap_or(1);
            Command::Hint { exercise, hint }
        }
        "solution" => {
            let force = rest.flag("--force");
            let exercise = rest.exercise()?;
            Command::Solution { exercise, force }
        }
        unknown => {
            return Err(Error::Usage(format!(
                "unknown command '{unknown}'; the commands are {COMMAND_NAMES} (cargo xtask help)"
            )));
        }
    };
    rest.finish()?;
    Ok(command)
}

/// The arguments after the command's name, consumed one by one so that leftovers can be
/// reported instead of silently ignored.
struct Arguments<'a> {
    command: &'a str,
    remaining: Vec<&'a str>,
}

impl<'a> Arguments<'a> {
    fn new(command: &'a str, rest: &'a [String]) -> Self {
        let remaining = rest.iter().map(String::as_str).collect();
        Arguments { command, remaining }
    }

    /// Removes `flag` wherever it stands, so `solution --force 3` works as well as `solution 3 --force`.
    fn flag(&mut self, flag: &str) -> bool {
        let before = self.remaining.len();
        self.remaining.retain(|argument| *argument != flag);
        self.remaining.len() != before
    }

    /// The next argument, or `None` when there is none left.
    fn next(&mut self) -> Option<&'a str> {
        (!self.remaining.is_empty()).then(|| self.remaining.remove(0))
    }

    /// The exercise every per-exercise command needs: a number, or a lesson's name.
    fn exercise(&mut self) -> Result<ExerciseRef> {
        let command = self.command;
        let argument = self.next().ok_or_else(|| {
            Error::Usage(format!(
                "`cargo xtask {command}` needs an exercise number, e.g. `cargo xtask {command} 3` \
                 (cargo xtask list shows them)"
            ))
        })?;
        if argument.starts_with("lesson-") {
            return Ok(ExerciseRef::Lesson(argument.to_owned()));
        }
        parse_number(argument, "exercise").map(ExerciseRef::Number)
    }

    /// An exercise, if one is given (`mutants [N]`).
    fn optional_exercise(&mut self) -> Result<Option<ExerciseRef>> {
        if self.remaining.is_empty() {
            Ok(None)
        } else {
            self.exercise().map(Some)
        }
    }

    /// The hint number of `hint N [K]`, if given.
    fn optional_hint(&mut self) -> Result<Option<usize>> {
        self.next()
            .map(|argument| parse_number(argument, "hint"))
            .transpose()
    }

    /// Fails on anything left over, such as a typo'd flag.
    fn finish(self) -> Result<()> {
        match self.remaining.first() {
            None => Ok(()),
            Some(extra) => Err(Error::Usage(format!(
                "unexpected argument '{extra}' for `cargo xtask {}` (cargo xtask help)",
                self.command
            ))),
        }
    }
}

/// Reads a number such as an exercise's or a hint's, naming `what` if it is not one.
fn parse_number<T: std::str::FromStr>(argument: &str, what: &str) -> Result<T> {
    argument
        .parse()
        .map_err(|_| Error::Usage(format!("{what} number expected, got '{argument}'")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(line: &str) -> Result<Command> {
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        parse(&args)
    }

    fn usage_message(line: &str) -> String {
        match parse_str(line) {
            Err(Error::Usage(message)) => message,
            other => panic!("expected a usage error for {line:?}, got {other:?}"),
        }
    }

    #[test]
    fn no_arguments_means_progress() {
        assert_eq!(parse_str(""), Ok(Command::Progress));
        assert_eq!(parse_str("progress"), Ok(Command::Progress));
    }

    #[test]
    fn commands_without_arguments() {
        assert_eq!(parse_str("list"), Ok(Command::List));
        assert_eq!(parse_str("verify"), Ok(Command::Verify));
        assert_eq!(parse_str("help"), Ok(Command::Help));
        assert_eq!(parse_str("--help"), Ok(Command::Help));
    }

    #[test]
    fn commands_with_an_exercise_number() {
        assert_eq!(
            parse_str("check 3"),
            Ok(Command::Check(ExerciseRef::Number(3)))
        );
        assert_eq!(
            parse_str("reset 4"),
            Ok(Command::Reset(ExerciseRef::Number(4)))
        );
        assert_eq!(
            parse_str("check lesson-01"),
            Ok(Command::Check(ExerciseRef::Lesson("lesson-01".to_owned())))
        );
    }

    #[test]
    fn hint_defaults_to_the_first() {
        let first = Command::Hint {
            exercise: ExerciseRef::Number(3),
            hint: 1,
        };
        assert_eq!(parse_str("hint 3"), Ok(first));
        let second = Command::Hint {
            exercise: ExerciseRef::Number(3),
            hint: 2,
        };
        assert_eq!(parse_str("hint 3 2"), Ok(second));
    }

    #[test]
    fn solution_force_may_come_before_or_after_the_number() {
        let forced = Command::Solution {
            exercise: ExerciseRef::Number(3),
            force: true,
        };
        assert_eq!(parse_str("solution 3 --force"), Ok(forced));
        let forced = Command::Solution {
            exercise: ExerciseRef::Number(3),
            force: true,
        };
        assert_eq!(parse_str("solution --force 3"), Ok(forced));
        let plain = Command::Solution {
            exercise: ExerciseRef::Number(3),
            force: false,
        };
        assert_eq!(parse_str("solution 3"), Ok(plain));
    }

    #[test]
    fn a_word_instead_of_a_number() {
        assert_eq!(
            usage_message("check abc"),
            "exercise number expected, got 'abc'"
        );
        assert_eq!(usage_message("hint 3 x"), "hint number expected, got 'x'");
        assert_eq!(
            usage_message("check -1"),
            "exercise number expected, got '-1'"
        );
    }

    #[test]
    fn a_missing_number() {
        let message = usage_message("hint");
        assert!(message.contains("`cargo xtask hint 3`"), "{message}");
    }

    #[test]
    fn an_unknown_command() {
        let message = usage_message("frobnicate");
        assert!(
            message.starts_with("unknown command 'frobnicate'"),
            "{message}"
        );
        assert!(message.contains("cargo xtask help"), "{message}");
    }

    #[test]
    fn leftover_arguments_are_rejected() {
        assert!(usage_message("list 3").contains("unexpected argument '3'"));
        assert!(usage_message("check 3 --force").contains("unexpected argument '--force'"));
        assert!(usage_message("hint 3 1 2").contains("unexpected argument '2'"));
    }
}
