//! `cargo xtask mutants [N]`: cargo-mutants over the reference solutions, a second net for the
//! checks after the kept wrong answers.
//!
//! cargo-mutants changes one thing at a time in a function (a `>` into `>=`, a body into
//! `Default::default()`, a `+ 1` into `- 1`) and runs the tests against each change. A change the
//! checks still pass ("missed") is a wrong answer nobody wrote yet, or a line of the solution that
//! does not matter. Run on a reference solution, it asks of the checks what the red team asks.
//!
//! The solutions live in `course/` and reach the lessons through `#[cfg_attr(feature = ..., path
//! = ...)]`, which cargo-mutants does not follow. So this command copies the course (without
//! `target/`) into `target/xtask/mutants/tree`, puts each solution in place of the learner's file
//! there, and lets cargo-mutants mutate that file in the copy, testing with the exercise's checks
//! (`--test exercises`). The learner's own files are never touched. cargo-mutants itself is
//! installed on first use, at the version pinned in `tools.rs`.

use std::fs;
use std::path::Path;

use crate::cargo;
use crate::course::{Course, Exercise};
use crate::error::{Error, Result};
use crate::tools::CARGO_MUTANTS;

/// What the copy leaves out: build output, and version control.
const NOT_COPIED: [&str; 2] = ["target", ".git"];

/// Mutates the reference solution of every exercise in `exercises` and reports, per exercise,
/// the mutants the checks caught and missed. Fails if any was missed.
pub fn mutants(course: &Course, exercises: &[&Exercise]) -> Result<()> {
    let cargo_mutants = CARGO_MUTANTS.ensure(course.root())?;
    let work = course.path("target/xtask/mutants");
    let tree = work.join("tree");
    if tree.exists() {
        fs::remove_dir_all(&tree).map_err(|e| failed(&tree, &e))?;
    }
    copy_tree(course.root(), &tree)?;
    // Every solution takes its learner file's place, in the copy only: a lesson's test binary
    // holds the checks of all its exercises, and the baseline run must pass all of them.
    for exercise in &course.exercises {
        let target = tree.join(exercise.learner_file());
        fs::copy(course.path(&exercise.solution()), &target).map_err(|e| failed(&target, &e))?;
    }

    let mut missed_any = false;
    let mut summary = Vec::new();
    for exercise in exercises {
        let output = work.join(format!("exercise-{}", exercise.number));
        let mut command = std::process::Command::new(&cargo_mutants);
        command
            .current_dir(&tree)
            .args(["mutants", "--in-place", "--no-shuffle", "--timeout", "60"])
            .args(["--package", &exercise.lesson])
            .args(["--file", &exercise.learner_file()])
            .arg("--output")
            .arg(&output)
            .args(["--cargo-test-arg=--test", "--cargo-test-arg=exercises"])
            // One build folder for every run, so each exercise rebuilds only its lesson.
            .env("CARGO_TARGET_DIR", work.join("target"))
            .env("RUST_BACKTRACE", "0");
        println!(
            "\n$ cargo mutants … exercise {} ({})",
            exercise.number, exercise.name
        );
        // cargo-mutants exits non-zero when it misses a mutant; its files say how it went.
        let _ = cargo::run_in_view(command)?;
        let count = |name: &str| -> Vec<String> {
            fs::read_to_string(output.join("mutants.out").join(name))
                .unwrap_or_default()
                .lines()
                .map(str::to_owned)
                .collect()
        };
        let (caught, missed) = (count("caught.txt"), count("missed.txt"));
        let (timeout, unviable) = (count("timeout.txt"), count("unviable.txt"));
        missed_any |= !missed.is_empty();
        for line in &missed {
            println!("  missed: {line}");
        }
        summary.push(format!(
            "exercise {:>2}: {} caught, {} missed, {} timed out, {} unviable",
            exercise.number,
            caught.len(),
            missed.len(),
            timeout.len(),
            unviable.len()
        ));
    }
    println!("\n{}", summary.join("\n"));
    if missed_any {
        return Err(Error::Failed(
            "some mutants of the solutions pass every check (listed above as `missed`)".into(),
        ));
    }
    Ok(())
}

/// Copies the folder `from` into `to`, leaving out [`NOT_COPIED`] at every level.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).map_err(|e| failed(to, &e))?;
    for entry in fs::read_dir(from).map_err(|e| failed(from, &e))? {
        let entry = entry.map_err(|e| failed(from, &e))?;
        let name = entry.file_name();
        if NOT_COPIED.iter().any(|skip| name == *skip) {
            continue;
        }
        let (source, destination) = (entry.path(), to.join(&name));
        if entry.file_type().map_err(|e| failed(&source, &e))?.is_dir() {
            copy_tree(&source, &destination)?;
        } else {
            fs::copy(&source, &destination).map_err(|e| failed(&source, &e))?;
        }
    }
    Ok(())
}

fn failed(path: &Path, error: &std::io::Error) -> Error {
    Error::Failed(format!("{}: {error}", path.display()))
}
