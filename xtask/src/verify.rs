//! `cargo xtask verify`: the course checks itself, for maintainers and CI.
//!
//! Three steps, each printed as it runs, then one summary line:
//! 1. the layout: every exercise has its learner file, solution and hints (what the runner's
//!    other commands rely on, which no test covers), and every kept answer in its `wrong/`
//!    and `also_correct/` folders is listed in one of the lesson's `tests/course*.rs` (a file
//!    no test runs proves nothing);
//! 2. the tests of `cargo test --workspace --all-features --locked --profile suite`, several
//!    binaries at once (`suite.rs`; the `suite` profile is the dev profile with optimised
//!    dependencies, built in `target/suite`): with the `solutions` feature the checks run against the reference solutions
//!    and `tests/course.rs` proves that every stub and every kept wrong answer is rejected; the
//!    lessons' and the mock server's own tests run too;
//! 3. `mdbook build book`: the book, with mdBook 0.5.4, installed into `target/` on first use
//!    when it is not on `PATH` (see `tools.rs`).
//!
//! Every step runs even when an earlier one fails, so one run shows everything to fix.

use std::path::Path;

use crate::cargo;
use crate::course::{Course, Exercise};
use crate::error::{Error, Result};
use crate::hints;
use crate::suite;
use crate::tools::MDBOOK;

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
            // Three, graduated: the idea, the tool, the shape of the code.
            Ok(text) if hints::split(&text).len() != 3 => problems.push(format!(
                "{} has {} hints (`<summary>Hint N: …</summary>` blocks); every exercise has 3",
                exercise.hints(),
                hints::split(&text).len()
            )),
            Ok(_) => {}
            Err(error) => problems.push(error.to_string()),
        }
        problems.extend(unlisted_answers(course, exercise));
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

/// The folders of kept answers an exercise may have, each file of which a test must run.
const ANSWER_FOLDERS: [&str; 2] = ["wrong", "also_correct"];

/// The kept answers of `exercise` that none of its lesson's `tests/course*.rs` names.
///
/// A `course*.rs` names each answer by its path inside the exercise's folder (`"wrong/x.rs"`),
/// within the block that opens with `#[path = "../course/<name>"]`; other exercises of the same
/// lesson have blocks of their own, so the same file name there does not count. A lesson with
/// many kept answers spreads them over several files (`course.rs`, `course_more.rs`, …), each
/// its own test program, so that no one program takes more memory to compile than a laptop has.
fn unlisted_answers(course: &Course, exercise: &Exercise) -> Vec<String> {
    let course_tests = format!("lessons/{}/tests/course*.rs", exercise.lesson);
    let tests_dir = format!("lessons/{}/tests", exercise.lesson);
    let mut files: Vec<String> = std::fs::read_dir(course.path(&tests_dir))
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| name.starts_with("course") && name.ends_with(".rs"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let block: String = files
        .iter()
        .map(|file| {
            let text = course
                .read(&format!("{tests_dir}/{file}"))
                .unwrap_or_default();
            exercise_block(&text, &exercise.name).to_owned()
        })
        .collect();
    let mut problems = Vec::new();
    for folder in ANSWER_FOLDERS {
        let dir = format!(
            "lessons/{}/course/{}/{folder}",
            exercise.lesson, exercise.name
        );
        let Ok(entries) = std::fs::read_dir(course.path(&dir)) else {
            continue; // no such folder: nothing to list
        };
        let mut names: Vec<String> = entries
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".rs"))
            .collect();
        names.sort();
        for name in names {
            if !block.contains(&format!("\"{folder}/{name}\"")) {
                problems.push(format!(
                    "{dir}/{name} is not listed in {course_tests}, so no test runs it"
                ));
            }
        }
    }
    problems
}

/// The part of a `course.rs` about one exercise: from its `#[path = "../course/<name>"]` to the
/// next such line (or the end).
fn exercise_block<'t>(text: &'t str, name: &str) -> &'t str {
    const OPENING: &str = "#[path = \"../course/";
    let Some(start) = text.find(&format!("{OPENING}{name}\"]")) else {
        return "";
    };
    let rest = &text[start + OPENING.len()..];
    match rest.find(OPENING) {
        Some(end) => &rest[..end],
        None => rest,
    }
}

/// The whole workspace's tests, with the solutions swapped in (see `suite.rs`).
fn tests(root: &Path) -> Result<Step> {
    Ok(if suite::run(root)? {
        Step::Passed
    } else {
        Step::Failed
    })
}

/// The book. (mdBook exits 0 even on a missing include; the `course-book` tests, run in the
/// tests step, are what catch that. This step proves the book builds.)
fn book(root: &Path) -> Result<Step> {
    let mdbook = match MDBOOK.ensure(root) {
        Ok(mdbook) => mdbook,
        Err(error) => {
            println!("✗ {error}");
            return Ok(Step::Failed);
        }
    };
    let mut command = std::process::Command::new(mdbook);
    command.args(["build", "book"]).current_dir(root);
    Ok(if cargo::run_in_view(command)? {
        Step::Passed
    } else {
        Step::Failed
    })
}

#[cfg(test)]
mod tests {
    use super::exercise_block;

    /// Each exercise's block ends where the next exercise's begins, so a kept answer of one
    /// exercise cannot stand in for a file of the same name in another.
    #[test]
    fn an_exercise_block_stops_at_the_next_exercise() {
        let text = "#[path = \"../course/a\"]\nmod a { x in \"wrong/x.rs\" }\n\
                    #[path = \"../course/b\"]\nmod b { y in \"wrong/y.rs\" }\n";
        assert!(exercise_block(text, "a").contains("\"wrong/x.rs\""));
        assert!(!exercise_block(text, "a").contains("\"wrong/y.rs\""));
        assert!(exercise_block(text, "b").contains("\"wrong/y.rs\""));
        assert_eq!(exercise_block(text, "c"), "");
    }
}
