//! The commands about one exercise: `check`, `hint`, `reset` and `solution`.

use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cargo::{self, LessonRun};
use crate::course::{Course, Exercise};
use crate::error::{Error, Result};
use crate::hints;
use crate::test_output;

/// Runs the exercise's checks with their teaching messages in view, then a one-line verdict.
pub fn check(course: &Course, exercise: &Exercise) -> Result<ExitCode> {
    let module = exercise.test_module();
    let command = cargo::exercises_test(course.root(), &exercise.lesson, Some(&module), false);
    println!("$ {}", cargo::describe(&command));
    let run = cargo::run_visibly(command)?;
    let (passed, verdict) = verdict(exercise, &run);
    println!("\n{verdict}");
    Ok(if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Whether the exercise passed, and the sentence that says so (or what to do).
fn verdict(exercise: &Exercise, run: &LessonRun) -> (bool, String) {
    let n = exercise.number;
    let name = format!("exercise {n} ({})", exercise.title);
    match run {
        LessonRun::Ran(results) => {
            let tally = test_output::tally(results, &exercise.test_module());
            if tally.solved() {
                let message = format!(
                    "✓ {name} passes all {} checks. `cargo xtask` shows what comes next.",
                    tally.total
                );
                (true, message)
            } else if tally.total == 0 {
                let message = format!(
                    "✗ no check of {name} ran: lessons/{}/tests/exercises.rs has no module {}.",
                    exercise.lesson,
                    exercise.test_module()
                );
                (false, message)
            } else {
                let message = format!(
                    "✗ {name}: {} of {} checks pass. The messages above say what is missing; \
                     `cargo xtask hint {n}` gives a hint.",
                    tally.passed, tally.total
                );
                (false, message)
            }
        }
        LessonRun::DidNotCompile(_) => {
            let message = format!(
                "✗ {name}: {} does not compile. Fix the first error above, then check again.",
                exercise.lesson
            );
            (false, message)
        }
        LessonRun::Crashed(_) => {
            let message = format!("✗ {name}: the checks crashed before they finished; see above.");
            (false, message)
        }
    }
}

/// Prints hint `k` (from 1) of the exercise and how to get the next one.
pub fn hint(course: &Course, exercise: &Exercise, k: usize) -> Result<()> {
    let n = exercise.number;
    let markdown = course.read(&exercise.hints())?;
    let hints = hints::split(&markdown);
    let count = hints.len();
    if count == 0 {
        return Err(Error::Failed(format!(
            "{} has no hint (a `<summary>Hint 1: …</summary>` block)",
            exercise.hints()
        )));
    }
    let text = k
        .checked_sub(1)
        .and_then(|index| hints.get(index))
        .ok_or_else(|| {
            Error::Usage(format!(
                "exercise {n} has {count} hint{}; ask for 1 to {count}, e.g. `cargo xtask hint {n} {count}`",
                if count == 1 { "" } else { "s" }
            ))
        })?;
    println!(
        "Exercise {n} ({}), hint {k} of {count}:\n\n{text}\n",
        exercise.title
    );
    if k < count {
        println!("Still stuck? `cargo xtask hint {n} {}`", k + 1);
    } else {
        println!(
            "That was the last hint. Still stuck? `cargo xtask solution {n} --force` shows the \
             reference solution."
        );
    }
    Ok(())
}

/// Puts the stub back in place of the learner's file, keeping a copy of what was there.
pub fn reset(course: &Course, exercise: &Exercise) -> Result<()> {
    println!("{}", reset_file(course, exercise)?);
    Ok(())
}

/// [`reset`]'s work, with what to tell the learner returned rather than printed (the watch
/// screen shows it in its own place).
pub fn reset_file(course: &Course, exercise: &Exercise) -> Result<String> {
    let file = exercise.learner_file();
    let stub = course.read(&exercise.stub())?;
    // A missing file is reset too: the stub simply comes back.
    let current = fs::read_to_string(course.path(&file)).ok();
    if current.as_deref() == Some(stub.as_str()) {
        return Ok(format!(
            "{file} is already the starting stub of exercise {}; nothing changed.",
            exercise.number
        ));
    }
    let backup = match current {
        Some(text) => Some(back_up(course, exercise, &text)?),
        None => None,
    };
    fs::write(course.path(&file), stub)
        .map_err(|error| Error::Failed(format!("cannot write {file}: {error}")))?;
    let mut message = format!(
        "Reset exercise {}: {file} is the starting stub again (a copy of {}).",
        exercise.number,
        exercise.stub()
    );
    if let Some(backup) = backup {
        message.push_str(&format!("\nYour previous version is saved in {backup}."));
    }
    Ok(message)
}

/// Saves the learner's version before a reset, under `target/` where git does not look;
/// returns where (relative to the root, for the message).
fn back_up(course: &Course, exercise: &Exercise, text: &str) -> Result<String> {
    let relative = format!(
        "target/xtask/reset/{}/{}.rs",
        exercise.lesson, exercise.name
    );
    let path: PathBuf = course.path(&relative);
    let write = || -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        fs::write(&path, text)
    };
    // Without a backup, a reset would destroy work: refuse rather than risk it.
    write().map_err(|error| {
        Error::Failed(format!(
            "cannot save your version to {relative} ({error}), so nothing was reset"
        ))
    })?;
    Ok(relative)
}

/// Prints the reference solution once the exercise passes, or at once with `force`.
pub fn solution(course: &Course, exercise: &Exercise, force: bool) -> Result<()> {
    let n = exercise.number;
    if !force {
        eprintln!("checking exercise {n} …");
        let module = exercise.test_module();
        let command = cargo::exercises_test(course.root(), &exercise.lesson, Some(&module), true);
        let run = cargo::run_quietly(command)?;
        let (passed, _) = verdict(exercise, &run);
        if !passed {
            return Err(Error::Failed(format!(
                "exercise {n} does not pass yet, so its solution stays hidden: `cargo xtask check {n}` \
                 shows what is missing, `cargo xtask hint {n}` helps, and \
                 `cargo xtask solution {n} --force` shows it anyway"
            )));
        }
    }
    let text = course.read(&exercise.solution())?;
    // The heading goes to stderr so that stdout is exactly the file (for `> mine.rs`, `diff`).
    eprintln!(
        "Reference solution of exercise {n} ({}), {}:\n",
        exercise.title,
        exercise.solution()
    );
    print!("{text}");
    Ok(())
}
