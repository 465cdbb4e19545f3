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

/// Splits the stdout of a `cargo test --message-format json…` run into cargo's JSON messages
/// (one object per line) and everything else: the test binary's own output.
pub fn split_json_messages(stdout: &str) -> (Vec<serde_json::Value>, String) {
    let mut messages = Vec::new();
    let mut rest = String::new();
    for line in stdout.lines() {
        let message = line
            .starts_with("{\"reason\":")
            .then(|| serde_json::from_str::<serde_json::Value>(line).ok())
            .flatten();
        match message {
            Some(message) => messages.push(message),
            None => {
                rest.push_str(line);
                rest.push('\n');
            }
        }
    }
    (messages, rest)
}

/// The compiler's first error among cargo's JSON messages, as rendered in short form (one line:
/// file, position, code and message), without a trailing line break.
pub fn first_compiler_error(messages: &[serde_json::Value]) -> Option<String> {
    messages
        .iter()
        .filter(|message| message["reason"] == "compiler-message")
        .map(|message| &message["message"])
        .find(|diagnostic| diagnostic["level"] == "error")
        .and_then(|diagnostic| {
            let rendered = diagnostic["rendered"].as_str();
            let text = rendered.or_else(|| diagnostic["message"].as_str())?;
            Some(text.trim_end().to_owned())
        })
}

/// The checks of an exercise in the order of its rules: the names listed in the
/// `exercise_checks! { candidate: …; first, second, … }` of its `checks.rs`.
pub fn rule_order(checks_rs: &str) -> Vec<String> {
    let Some(start) = checks_rs.find("exercise_checks!") else {
        return Vec::new();
    };
    let rest = &checks_rs[start..];
    let Some(end) = rest.find('}') else {
        return Vec::new();
    };
    let Some((_, list)) = rest[..end].split_once(';') else {
        return Vec::new();
    };
    list.split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The message of the first failing check of `module`: in the order of `order` (the rules),
/// else in the order the results were printed. Taken from libtest's `---- name stdout ----`
/// section, without the `Error: ` a failing test's result gets, the stuck-line the checks add
/// (the watch screen shows its keys), or libtest's notes.
pub fn first_failure(
    stdout: &str,
    results: &[TestResult],
    module: &str,
    order: &[String],
) -> Option<String> {
    let failed: Vec<&str> = results
        .iter()
        .filter(|r| r.outcome == Outcome::Failed)
        .filter_map(|r| r.name.strip_prefix(module)?.strip_prefix("::"))
        .collect();
    let first = order
        .iter()
        .map(String::as_str)
        .find(|name| failed.contains(name))
        .or_else(|| failed.first().copied())?;
    let header = format!("---- {module}::{first} stdout ----");
    let section: Vec<&str> = stdout
        .lines()
        .skip_while(|line| line.trim_end() != header)
        .skip(1)
        .take_while(|line| !line.starts_with("---- ") && line.trim_end() != "failures:")
        .filter(|line| !line.trim_start().starts_with("(stuck? "))
        .filter(|line| !line.starts_with("note: run with `RUST_BACKTRACE"))
        .collect();
    let text = section.join("\n");
    let text = text.trim();
    Some(text.strip_prefix("Error: ").unwrap_or(text).to_owned())
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
    fn the_rules_are_in_the_order_of_the_checks_list() {
        let checks = "//! docs\nuse x;\nlesson_support::exercise_checks! {\n    candidate: \
                      AsyncFn(&Client, &str) -> Result<Post, Error>;\n    second_named,\n    \
                      first_named,\n}\nfn f() {}\n";
        assert_eq!(rule_order(checks), ["second_named", "first_named"]);
        assert!(rule_order("no list here").is_empty());
    }

    #[test]
    fn the_first_failure_is_the_first_rule_broken_not_the_first_printed() {
        let stdout = "
running 3 tests
test exercise_3_fetch_posts::a ... FAILED
test exercise_3_fetch_posts::b ... FAILED
test exercise_3_fetch_posts::c ... ok

failures:

---- exercise_3_fetch_posts::a stdout ----
Error: exercise 3 (x.rs): rule a broken
  (stuck? `cargo xtask hint 3` gives a hint)

---- exercise_3_fetch_posts::b stdout ----
Error: exercise 3 (x.rs): rule b broken,
over two lines
  (stuck? `cargo xtask hint 3` gives a hint)

failures:
    exercise_3_fetch_posts::a
    exercise_3_fetch_posts::b

test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out
";
        let results = parse_results(stdout);
        let module = "exercise_3_fetch_posts";
        let order = ["c".to_owned(), "b".to_owned(), "a".to_owned()];
        assert_eq!(
            first_failure(stdout, &results, module, &order).as_deref(),
            Some("exercise 3 (x.rs): rule b broken,\nover two lines")
        );
        assert_eq!(
            first_failure(stdout, &results, module, &[]).as_deref(),
            Some("exercise 3 (x.rs): rule a broken")
        );
        assert_eq!(first_failure(stdout, &results, "exercise_4_x", &[]), None);
    }

    #[test]
    fn compiler_errors_are_read_from_cargos_json_messages() {
        let stdout = r#"{"reason":"compiler-artifact","package_id":"x","target":{}}
{"reason":"compiler-message","message":{"level":"warning","message":"unused variable: `x`","rendered":"src/a.rs:1:1: warning: unused variable: `x`\n"}}
{"reason":"compiler-message","message":{"level":"error","message":"mismatched types","rendered":"lessons/lesson-01/src/exercises/fetch_post.rs:7:5: error[E0308]: mismatched types: expected `Post`, found `()`\n"}}
{"reason":"compiler-message","message":{"level":"error","message":"second","rendered":"second\n"}}
running 0 tests
{"reason":"build-finished","success":false}
"#;
        let (messages, rest) = split_json_messages(stdout);
        assert_eq!(messages.len(), 5);
        assert_eq!(rest, "running 0 tests\n");
        assert_eq!(
            first_compiler_error(&messages).as_deref(),
            Some(
                "lessons/lesson-01/src/exercises/fetch_post.rs:7:5: error[E0308]: mismatched \
                 types: expected `Post`, found `()`"
            )
        );
        assert_eq!(first_compiler_error(&messages[..2]), None);
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
