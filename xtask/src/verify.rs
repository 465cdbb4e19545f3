//! `cargo xtask verify`: the course checks itself, for maintainers and CI.
//!
//! Three steps, each printed as it runs, then one summary line:
//! 1. the layout: every exercise has its learner file, solution and hints (what the runner's
//!    other commands rely on, which no test covers);
//! 2. `cargo test --workspace --all-features --locked`: with the `solutions` feature the checks
//!    run against the reference solutions and `tests/course.rs` proves that every stub and every
//!    kept wrong answer is rejected; the lessons' and the mock server's own tests run too;
//! 3. `mdbook build book`: the book.
//!
//! Every step runs even when an earlier one fails, so one run shows everything to fix.

use std::path::Path;

use crate::cargo;
use crate::course::Course;
use crate::error::{Error, Result};
use crate::hints;

/// The mdBook the book is written for, and how to get it.
const MDBOOK_INSTALL: &str = "cargo install mdbook --version 0.5.4 --locked";

/// How one step went.
enum Step {
    Passed,
    Failed,
}

pub fn verify(course: &Course) -> Result<()> {
    let steps = [
        ("layout", layout(course)),
        ("tests", tests(course.root())?),
        ("book", book(course.root())?),
    ];
    let summary: Vec<String> = steps
        .iter()
        .map(|(name, step)| match step {
            Step::Passed => format!("{name} ✓"),
            Step::Failed => format!("{name} ✗"),
        })
        .collect();
    let summary = summary.join(", ");
    if steps.iter().any(|(_, step)| matches!(step, Step::Failed)) {
        return Err(Error::Failed(format!("verify failed: {summary}")));
    }
    println!("\nverify passed: {summary}");
    Ok(())
}

/// Every exercise has the files the runner serves.
fn layout(course: &Course) -> Step {
    println!(
        "checking the layout of {} exercises",
        course.exercises.len()
    );
    let mut problems = Vec::new();
    for exercise in &course.exercises {
        for file in [exercise.learner_file(), exercise.solution()] {
            if !course.path(&file).is_file() {
                problems.push(format!("{file} is missing"));
            }
        }
        match course.read(&exercise.hints()) {
            Ok(text) if hints::split(&text).is_empty() => {
                problems.push(format!("{} has no `## Hint 1` section", exercise.hints()));
            }
            Ok(_) => {}
            Err(error) => problems.push(error.to_string()),
        }
    }
    for problem in &problems {
        println!("  ✗ {problem}");
    }
    if problems.is_empty() {
        Step::Passed
    } else {
        Step::Failed
    }
}

/// The whole workspace's tests, with the solutions swapped in.
fn tests(root: &Path) -> Result<Step> {
    let mut command = cargo::cargo(root);
    command.args(["test", "--workspace", "--all-features", "--locked"]);
    Ok(if cargo::run_in_view(command)? {
        Step::Passed
    } else {
        Step::Failed
    })
}

/// The book. (mdBook exits 0 even on a missing include; the `course-book` tests, run in the
/// tests step, are what catch that. This step proves the book builds.)
fn book(root: &Path) -> Result<Step> {
    if !cargo::is_installed("mdbook") {
        println!("✗ mdbook is not on PATH; install it with `{MDBOOK_INSTALL}`");
        return Ok(Step::Failed);
    }
    let mut command = std::process::Command::new("mdbook");
    command.args(["build", "book"]).current_dir(root);
    Ok(if cargo::run_in_view(command)? {
        Step::Passed
    } else {
        Step::Failed
    })
}
