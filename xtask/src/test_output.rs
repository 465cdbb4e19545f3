//! Reading what `cargo test` printed: which checks passed, or why nothing ran.
//!
//! Progress is never stored: it is whatever the checks say right now. The runner therefore reads
//! libtest's per-test lines (`test exercise_3_fetch_posts::returns_… ... ok`) and, when the lesson
//! does not even compile, the compiler's first error (with `--message-format short` that is one
//! line, file and position included).

/// How one test ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Failed,
    Ignored,
}

/// One `test NAME ... RESULT` line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestResult {
    pub name: String,
    pub outcome: Outcome,
}

/// How many of an exercise's checks passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub passed: usize,
    pub total: usize,
}

impl Tally {
    /// An exercise is solved when it has checks and all of them pass: no checks found means
    /// something is wrong with the course, not that the learner is done.
    pub fn solved(&self) -> bool {
        self.total > 0 && self.passed == self.total
    }
}

/// Every test result line of libtest's output, in the order printed.
pub fn parse_results(stdout: &str) -> Vec<TestResult> {
    stdout.lines().filter_map(parse_result_line).collect()
}

/// `test exercise_3_fetch_posts::x ... ok` → the name and `Outcome::Ok`.
fn parse_result_line(line: &str) -> Option<TestResult> {
    let (name, result) = line.trim_end().strip_prefix("test ")?.split_once(" ... ")?;
    let outcome = match result {
        "ok" => Outcome::Ok,
        "FAILED" => Outcome::Failed,
        // `ignored` may carry a reason: `ignored, needs the network`.
        ignored if ignored.starts_with("ignored") => Outcome::Ignored,
        _ => return None,
    };
    Some(TestResult {
        name: name.to_string(),
        outcome,
    })
}

/// Counts the results of the tests inside `module` (`exercise_3_fetch_posts`).
pub fn tally(results: &[TestResult], module: &str) -> Tally {
    let prefix = format!("{module}::");
    let mine = results.iter().filter(|r| r.name.starts_with(&prefix));
    mine.fold(Tally::default(), |tally, result| Tally {
        passed: tally.passed + usize::from(result.outcome == Outcome::Ok),
        total: tally.total + 1,
    })
}

/// Whether the test binary started (`running 8 tests`): if not, the build failed.
pub fn tests_started(stdout: &str) -> bool {
    stdout.lines().any(|line| {
        line.strip_prefix("running ")
            .is_some_and(|rest| rest.ends_with(" tests") || rest.ends_with(" test"))
    })
}

/// Whether the test binary got to its summary (`test result: …`): if it started but never got
/// there, it crashed (an abort or a stack overflow takes every check down with it).
pub fn tests_finished(stdout: &str) -> bool {
    stdout.lines().any(|line| line.starts_with("test result:"))
}

/// The line to show when a lesson does not build: the compiler's first error, not cargo's
/// closing "could not compile" summary; failing that, the last thing cargo said. When the checks
/// were stopped for code that never gave its thread back, the checks' watchdog said why, in a
/// line of its own (`exercise 6 (…): it waits only by awaiting, …`): that line comes first.
pub fn first_error(stderr: &str) -> Option<String> {
    let lines: Vec<&str> = stderr.lines().map(str::trim).collect();
    let stopped = lines
        .iter()
        .copied()
        .find(|line| line.starts_with("exercise ") && line.contains("): "));
    let errors = || lines.iter().copied().filter(|line| is_error(line));
    let first_real = errors().find(|line| !is_cargo_summary(line));
    let last = lines.iter().copied().rev().find(|line| !line.is_empty());
    stopped
        .or(first_real)
        .or_else(|| errors().next())
        .or(last)
        .map(str::to_string)
}

/// `error: …`, `error[E0308]: …`, or in short format `src/x.rs:1:2: error[E0308]: …`.
fn is_error(line: &str) -> bool {
    line.starts_with("error") || line.contains(": error")
}

/// Cargo's closing lines, which say that something failed but not what.
fn is_cargo_summary(line: &str) -> bool {
    line.starts_with("error: could not compile")
        || line.starts_with("error: aborting")
        || line.starts_with("error: test failed")
        || line.contains("target failed")
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUN: &str = "
running 5 tests
test exercise_3_fetch_posts::returns_one_post_per_id ... ok
test exercise_3_fetch_posts::sends_every_request_before_the_first_answer ... FAILED
test exercise_4_slowest_request::finds_the_slowest_request ... ok
test exercise_4_slowest_request::returns_none_for_no_ids ... ok
test exercise_13_fetch_posts::not_exercise_3 ... ignored, later

failures:

---- exercise_3_fetch_posts::sends_every_request_before_the_first_answer stdout ----
test exercise_3_fetch_posts::in_a_message ... is not a result line
failures:
    exercise_3_fetch_posts::sends_every_request_before_the_first_answer

test result: FAILED. 3 passed; 1 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.31s
";

    #[test]
    fn result_lines_are_parsed() {
        let results = parse_results(RUN);
        assert_eq!(results.len(), 5);
        assert_eq!(
            results[1],
            TestResult {
                name: "exercise_3_fetch_posts::sends_every_request_before_the_first_answer"
                    .to_string(),
                outcome: Outcome::Failed,
            }
        );
        assert_eq!(results[4].outcome, Outcome::Ignored);
    }

    #[test]
    fn tallies_per_exercise_module() {
        let results = parse_results(RUN);
        let three = tally(&results, "exercise_3_fetch_posts");
        assert_eq!(
            three,
            Tally {
                passed: 1,
                total: 2
            }
        );
        assert!(!three.solved());
        assert!(tally(&results, "exercise_4_slowest_request").solved());
        // ignored is not passed
        assert!(!tally(&results, "exercise_13_fetch_posts").solved());
    }

    #[test]
    fn no_checks_is_not_solved() {
        let none = tally(&parse_results(RUN), "exercise_9_missing");
        assert_eq!(none.total, 0);
        assert!(!none.solved());
    }

    #[test]
    fn started_and_finished() {
        assert!(tests_started(RUN));
        assert!(tests_finished(RUN));
        assert!(tests_started("running 1 test\n"));
        assert!(!tests_finished("running 1 test\ntest a ... ok\n"));
        assert!(!tests_started(""));
    }

    #[test]
    fn the_first_compiler_error_not_the_summary() {
        let stderr = "   Compiling lesson-03 v0.1.0 (/work/main/lessons/lesson-03)
warning: unused variable: `x`
lessons/lesson-03/src/exercises/fetch_posts.rs:23:5: error[E0308]: mismatched types: expected `Vec<…>`, found `()`
lessons/lesson-03/src/exercises/fetch_posts.rs:30:1: error: expected item, found `}`
error: could not compile `lesson-03` (test \"exercises\") due to 2 previous errors
";
        assert_eq!(
            first_error(stderr).as_deref(),
            Some(
                "lessons/lesson-03/src/exercises/fetch_posts.rs:23:5: error[E0308]: mismatched types: expected `Vec<…>`, found `()`"
            )
        );
    }

    #[test]
    fn cargo_errors_count_too() {
        let stderr = "error: no test target named `exercises` in `lesson-01` package\n";
        assert_eq!(
            first_error(stderr).as_deref(),
            Some("error: no test target named `exercises` in `lesson-01` package")
        );
        assert_eq!(
            first_error("error: could not compile `x`\n").as_deref(),
            Some("error: could not compile `x`")
        );
        assert_eq!(
            first_error("something odd\n\n").as_deref(),
            Some("something odd")
        );
        assert_eq!(first_error(""), None);
        let stopped = "\nexercise 6 (lessons/x.rs): it waits only by awaiting, never by \
                       blocking the thread: …\n  (stuck? `cargo xtask hint 6` gives a hint)\n\
                       error: test failed, to rerun pass `-p lesson-05 --test exercises`\n";
        assert_eq!(
            first_error(stopped).as_deref(),
            Some(
                "exercise 6 (lessons/x.rs): it waits only by awaiting, never by blocking the \
                 thread: …"
            )
        );
    }
}
