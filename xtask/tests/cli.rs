//! The built runner on the real course: `list` shows every exercise on disk, and bad input gets
//! a one-line error and a non-zero exit, never a panic. (Nothing here runs the lessons' checks:
//! that would build every lesson, and is what `cargo xtask` itself is for.)

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The course's root: this test's package is `<root>/xtask`.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ has a parent folder")
        .to_path_buf()
}

/// Runs the built `xtask` binary in the course's root.
fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the xtask binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A usage error: exit status 2 and a single `error: …` line that starts as expected.
fn assert_usage_error(args: &[&str], expected_start: &str) -> String {
    let output = xtask(args);
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
    assert!(
        message.starts_with(&format!("error: {expected_start}")),
        "{args:?}: {message}"
    );
    assert_eq!(message.lines().count(), 1, "{args:?}: {message}");
    assert!(!message.contains("panicked"), "{args:?}: {message}");
    message
}

/// The learner files of every `lessons/*/course/*/stub.rs`, found without the runner's code.
fn learner_files_on_disk() -> Vec<String> {
    let mut files = Vec::new();
    let lessons = std::fs::read_dir(root().join("lessons")).expect("lessons/ is readable");
    for lesson in lessons.flatten() {
        let Ok(exercises) = std::fs::read_dir(lesson.path().join("course")) else {
            continue;
        };
        for exercise in exercises.flatten() {
            if exercise.path().join("stub.rs").is_file() {
                files.push(format!(
                    "lessons/{}/src/exercises/{}.rs",
                    lesson.file_name().to_string_lossy(),
                    exercise.file_name().to_string_lossy()
                ));
            }
        }
    }
    files
}

#[test]
fn list_shows_every_exercise_on_disk() {
    let output = xtask(&["list"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let list = stdout(&output);
    let files = learner_files_on_disk();
    assert!(!files.is_empty(), "the course has exercises");
    for file in files {
        assert!(list.contains(&file), "{file} missing from:\n{list}");
    }
}

#[test]
fn an_exercise_that_does_not_exist() {
    let message = assert_usage_error(
        &["check", "999"],
        "there is no exercise 999; the exercises are ",
    );
    assert!(
        message.trim_end().ends_with("(cargo xtask list)"),
        "{message}"
    );
    assert_usage_error(&["hint", "0"], "there is no exercise 0;");
    assert_usage_error(&["solution", "999", "--force"], "there is no exercise 999;");
}

#[test]
fn an_unknown_command() {
    let message = assert_usage_error(&["frobnicate"], "unrecognized subcommand 'frobnicate'");
    assert!(message.contains("cargo xtask help"), "{message}");
}

#[test]
fn a_word_where_a_number_belongs() {
    let message = assert_usage_error(&["hint", "abc"], "invalid value 'abc' for '<N>'");
    assert!(
        message.contains("exercise number expected, got 'abc'"),
        "{message}"
    );
    assert_usage_error(
        &["reset"],
        "the following required arguments were not provided: <N>",
    );
    assert_usage_error(&["list", "extra"], "unexpected argument 'extra'");
    assert_usage_error(&["hint", "3", "0"], "invalid value '0' for '[K]'");
}

#[test]
fn help_lists_the_commands() {
    let output = xtask(&["help"]);
    assert!(output.status.success());
    let help = stdout(&output);
    for command in [
        "watch", "progress", "list", "check", "hint", "reset", "solution", "verify",
    ] {
        assert!(help.contains(command), "{command} missing from:\n{help}");
    }
    let hint = stdout(&xtask(&["help", "hint"]));
    assert!(hint.contains("<N> [K]"), "{hint}");
}

/// `cargo xtask` alone, its output not a terminal (a pipe, CI): the plain progress report, not
/// the watch screen. (Here with no exercise file to check: an empty course folder would make it
/// build every lesson, so this runs `watch` instead, which must refuse without a terminal.)
#[test]
fn the_watch_screen_needs_a_terminal() {
    let message = assert_usage_error(&["watch"], "`cargo xtask watch` needs a terminal");
    assert!(message.contains("cargo xtask progress"), "{message}");
}

/// A lesson's name stands for its exercise when it has one; otherwise the error says what to
/// type instead: the lessons that exist, or the numbers to choose from.
#[test]
fn a_lesson_name_picks_its_only_exercise_or_says_why_not() {
    let hint = xtask(&["hint", "lesson-01"]);
    assert!(hint.status.success(), "{}", stderr(&hint));
    assert!(
        stdout(&hint).starts_with("Exercise 1 "),
        "{}",
        stdout(&hint)
    );

    let message = assert_usage_error(&["check", "lesson-99"], "there is no lesson-99");
    assert!(message.contains("lesson-01"), "{message}");
    let message = assert_usage_error(&["hint", "lesson-03"], "lesson-03 has exercises 3");
    assert!(message.contains("name one by its number"), "{message}");
}
