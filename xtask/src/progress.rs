//! `cargo xtask` / `progress` and `list`: the exercises, grouped by lesson, with how far you are.
//!
//! Progress is never stored anywhere: each time, every lesson's checks run once
//! (`cargo test -p lesson-NN --test exercises`) and an exercise counts as done when all of its
//! checks pass. So it can never disagree with `cargo test`, whatever you edit, reset or revert.

use std::fmt::Write as _;

use crate::cargo::{self, LessonRun};
use crate::course::{Course, Exercise};
use crate::error::Result;
use crate::test_output::{self, Tally};

/// Where one exercise stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Every check passes.
    Solved,
    /// The checks ran and this many pass.
    Unsolved(Tally),
    /// The lesson's tests did not build: the compiler's first error.
    DoesNotCompile(String),
    /// The checks crashed before reporting.
    Crashed(String),
}

/// Runs every lesson's checks, then shows where each exercise stands and what to do next.
pub fn progress(course: &Course) -> Result<()> {
    let mut statuses = Vec::new();
    for lesson in course.lessons() {
        let command = cargo::exercises_test(course.root(), lesson, None, true);
        // The first build of a lesson can take a minute: say what is going on.
        eprintln!("checking {lesson} …");
        let run = cargo::run_quietly(command)?;
        for exercise in course.exercises_of(lesson) {
            statuses.push(status(&run, exercise));
        }
    }
    eprintln!();
    print!("{}", render_progress(&course.exercises, &statuses));
    Ok(())
}

/// Shows the exercises without running anything.
pub fn list(course: &Course) {
    print!("{}", render_list(&course.exercises));
}

/// What a lesson's run says about one of its exercises.
pub fn status(run: &LessonRun, exercise: &Exercise) -> Status {
    match run {
        LessonRun::Ran(results) => {
            let tally = test_output::tally(results, &exercise.test_module());
            if tally.solved() {
                Status::Solved
            } else {
                Status::Unsolved(tally)
            }
        }
        LessonRun::DidNotCompile(error) => Status::DoesNotCompile(error.clone()),
        LessonRun::Crashed(error) => Status::Crashed(error.clone()),
    }
}

/// The progress report: one row per exercise (and a line of detail under an unsolved one), the
/// bar, and the next step. `statuses` goes with `exercises`, in the same order.
pub fn render_progress(exercises: &[Exercise], statuses: &[Status]) -> String {
    let columns = Columns::of(exercises);
    let mut out = String::new();
    let mut lesson = "";
    for (exercise, status) in exercises.iter().zip(statuses) {
        lesson = lesson_heading(&mut out, lesson, exercise);
        let mark = if *status == Status::Solved {
            '✓'
        } else {
            '✗'
        };
        let _ = writeln!(out, "  {mark} {}", columns.row(exercise));
        if let Some(detail) = detail(status) {
            let _ = writeln!(out, "      {detail}");
        }
    }
    let solved = statuses.iter().filter(|s| **s == Status::Solved).count();
    let _ = writeln!(out, "\n{}\n", bar(solved, exercises.len()));
    let first_unsolved = exercises
        .iter()
        .zip(statuses)
        .find(|(_, status)| **status != Status::Solved);
    let _ = writeln!(out, "{}", next_step(first_unsolved.map(|(e, _)| e), solved));
    out
}

/// The list: the progress report's rows, without marks, bar or running anything.
pub fn render_list(exercises: &[Exercise]) -> String {
    if exercises.is_empty() {
        return "The course has no exercises yet.\n".to_string();
    }
    let columns = Columns::of(exercises);
    let mut out = String::new();
    let mut lesson = "";
    for exercise in exercises {
        lesson = lesson_heading(&mut out, lesson, exercise);
        let _ = writeln!(out, "  {}", columns.row(exercise));
    }
    let _ = writeln!(
        out,
        "\n`cargo xtask` runs the checks and shows which of these pass."
    );
    out
}

/// Writes the lesson's name when `exercise` starts a new lesson; returns the current lesson.
fn lesson_heading<'a>(out: &mut String, previous: &str, exercise: &'a Exercise) -> &'a str {
    if exercise.lesson != previous {
        let gap = if previous.is_empty() { "" } else { "\n" };
        let _ = writeln!(out, "{gap}{}", exercise.lesson);
    }
    &exercise.lesson
}

/// The line under an exercise that is not done yet.
fn detail(status: &Status) -> Option<String> {
    match status {
        Status::Solved => None,
        Status::Unsolved(tally) if tally.total == 0 => {
            Some("no checks found (is the lesson's tests/exercises.rs up to date?)".to_string())
        }
        Status::Unsolved(tally) => Some(format!("{} of {} checks pass", tally.passed, tally.total)),
        Status::DoesNotCompile(error) => Some(format!("does not compile: {error}")),
        Status::Crashed(error) => Some(format!("the checks crashed: {error}")),
    }
}

/// `[██████░░░░░░░░░░░░░░] 2/6 exercises`.
pub fn bar(done: usize, total: usize) -> String {
    const WIDTH: usize = 20;
    let filled = (done * WIDTH).checked_div(total).unwrap_or(0).min(WIDTH);
    format!(
        "[{}{}] {done}/{total} exercises",
        "█".repeat(filled),
        "░".repeat(WIDTH - filled)
    )
}

/// What to do next: the first unsolved exercise, or congratulations.
fn next_step(first_unsolved: Option<&Exercise>, solved: usize) -> String {
    match first_unsolved {
        Some(exercise) => {
            let n = exercise.number;
            format!(
                "Next: exercise {n} ({}): edit {}, then run `cargo xtask check {n}` \
                 (stuck? `cargo xtask hint {n}`).",
                exercise.title,
                exercise.learner_file()
            )
        }
        None if solved == 0 => "The course has no exercises yet.".to_string(),
        None => "Every exercise passes. Well done! `cargo xtask solution N` shows the \
                 reference solution of exercise N, to compare with yours."
            .to_string(),
    }
}

/// The widths that line the rows up.
struct Columns {
    number: usize,
    title: usize,
}

impl Columns {
    fn of(exercises: &[Exercise]) -> Columns {
        let widest = |width: fn(&Exercise) -> usize| exercises.iter().map(width).max();
        Columns {
            number: widest(|e| e.number.to_string().len()).unwrap_or(1),
            // chars, not bytes: titles may hold non-ASCII.
            title: widest(|e| e.title.chars().count()).unwrap_or(0),
        }
    }

    /// `3  fetch many posts at once        lessons/lesson-03/src/exercises/fetch_posts.rs`.
    fn row(&self, exercise: &Exercise) -> String {
        format!(
            "{:>number$}  {:<title$}  {}",
            exercise.number,
            exercise.title,
            exercise.learner_file(),
            number = self.number,
            title = self.title,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_output::parse_results;

    fn exercise(number: u32, title: &str, name: &str, lesson: &str) -> Exercise {
        Exercise {
            number,
            title: title.to_string(),
            name: name.to_string(),
            lesson: lesson.to_string(),
        }
    }

    fn course() -> Vec<Exercise> {
        vec![
            exercise(3, "fetch many posts at once", "fetch_posts", "lesson-03"),
            exercise(4, "which request?", "slowest_request", "lesson-03"),
        ]
    }

    #[test]
    fn the_bar_fills_in_proportion() {
        assert_eq!(bar(0, 4), format!("[{}] 0/4 exercises", "░".repeat(20)));
        assert_eq!(
            bar(2, 4),
            format!("[{}{}] 2/4 exercises", "█".repeat(10), "░".repeat(10))
        );
        assert_eq!(bar(3, 3), format!("[{}] 3/3 exercises", "█".repeat(20)));
        assert_eq!(bar(0, 0), format!("[{}] 0/0 exercises", "░".repeat(20)));
    }

    #[test]
    fn statuses_come_from_the_run() {
        let exercises = course();
        let (three, four) = (&exercises[0], &exercises[1]);
        let run = LessonRun::Ran(parse_results(
            "running 3 tests\n\
             test exercise_3_fetch_posts::a ... ok\n\
             test exercise_3_fetch_posts::b ... ok\n\
             test exercise_4_slowest_request::a ... FAILED\n\
             test result: FAILED. 2 passed; 1 failed\n",
        ));
        assert_eq!(status(&run, three), Status::Solved);
        assert_eq!(
            status(&run, four),
            Status::Unsolved(Tally {
                passed: 0,
                total: 1
            })
        );
        let broken = LessonRun::DidNotCompile("error[E0308]".to_string());
        assert_eq!(
            status(&broken, three),
            Status::DoesNotCompile("error[E0308]".to_string())
        );
    }

    #[test]
    fn the_report_points_at_the_first_unsolved_exercise() {
        let statuses = [
            Status::Solved,
            Status::DoesNotCompile("src/x.rs:1:1: error: oops".to_string()),
        ];
        let report = render_progress(&course(), &statuses);
        assert!(report.starts_with("lesson-03\n"), "{report}");
        assert!(
            report.contains(
                "  ✓ 3  fetch many posts at once  lessons/lesson-03/src/exercises/fetch_posts.rs\n"
            ),
            "{report}"
        );
        assert!(report.contains("  ✗ 4  which request?"), "{report}");
        assert!(
            report.contains("does not compile: src/x.rs:1:1: error: oops"),
            "{report}"
        );
        assert!(report.contains("] 1/2 exercises"), "{report}");
        assert!(report.contains("Next: exercise 4 (which request?): edit lessons/lesson-03/src/exercises/slowest_request.rs"), "{report}");
        assert!(report.contains("`cargo xtask hint 4`"), "{report}");
    }

    #[test]
    fn all_done() {
        let report = render_progress(&course(), &[Status::Solved, Status::Solved]);
        assert!(report.contains("Every exercise passes"), "{report}");
    }

    #[test]
    fn the_list_groups_by_lesson() {
        let mut exercises = course();
        exercises.insert(0, exercise(1, "one request", "get_post", "lesson-01"));
        let list = render_list(&exercises);
        assert!(list.starts_with("lesson-01\n  1  one request"), "{list}");
        assert!(list.contains("\n\nlesson-03\n  3  fetch many"), "{list}");
    }
}
