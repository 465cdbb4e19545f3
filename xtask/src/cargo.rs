//! Running cargo (and mdBook) for the runner: quietly to read the results, or in plain view.
//!
//! Cargo is the one that ran us (`CARGO`, set by `cargo run`), so the checks are built by the
//! same toolchain; outside cargo we fall back to whichever `cargo` is on `PATH`.

use std::ffi::OsString;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

use crate::error::{Error, Result};
use crate::test_output::{self, TestResult};

/// What one run of a lesson's `exercises` tests came to.
#[derive(Debug)]
pub enum LessonRun {
    /// The checks ran; here is each one's result.
    Ran(Vec<TestResult>),
    /// The lesson's tests did not build; the compiler's first error.
    DidNotCompile(String),
    /// The test binary started but died before its summary.
    Crashed(String),
}

/// A `cargo` command run from the repository root.
pub fn cargo(root: &Path) -> Command {
    let program = std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo"));
    let mut command = Command::new(program);
    command.current_dir(root);
    command
}

/// The `cargo test` that runs a lesson's checks; `module` narrows it to one exercise.
/// `quiet` is for runs whose output is read rather than shown.
pub fn exercises_test(root: &Path, lesson: &str, module: Option<&str>, quiet: bool) -> Command {
    let mut command = cargo(root);
    command.args(["test", "--package", lesson, "--test", "exercises"]);
    if quiet {
        // cargo's messages as JSON on stdout, each compiler error rendered in one line: the
        // first error is read from them, not guessed from text. (A single test binary runs all
        // its tests whatever fails, so no `--no-fail-fast` is needed.)
        command.args(["--message-format", "json-diagnostic-short"]);
    }
    if let Some(module) = module {
        // After `--`: a filter for the test binary; `::` keeps exercise 1 from matching 12.
        command.args(["--", &format!("{module}::")]);
    }
    // A failing check explains itself in its panic message; a backtrace would bury it.
    command.env("RUST_BACKTRACE", "0");
    command
}

/// A quiet run's results, and the test binary's own output (the checks' messages are in it).
#[derive(Debug)]
pub struct QuietRun {
    pub run: LessonRun,
    pub tests: String,
}

/// Runs checks (an [`exercises_test`]) without showing anything, and reads the results.
pub fn run_quietly(command: Command) -> Result<LessonRun> {
    run_quietly_with_output(command).map(|quiet| quiet.run)
}

/// [`run_quietly`], keeping the test binary's output.
pub fn run_quietly_with_output(mut command: Command) -> Result<QuietRun> {
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|error| cannot_start("cargo", &error))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let (messages, tests) = test_output::split_json_messages(&stdout);
    // The compiler's first error, from its JSON message; else what cargo or the checks said
    // on stderr (a missing test target, the watchdog's line).
    let why = test_output::first_compiler_error(&messages)
        .or_else(|| test_output::first_error(&stderr))
        .unwrap_or_else(|| output.status.to_string());
    Ok(QuietRun {
        run: interpret(&tests, output.status, why),
        tests,
    })
}

/// Runs checks with their output in view (cargo's on stderr as usual, the tests' stdout
/// copied line by line as it comes), and reads the results on the way.
pub fn run_visibly(mut command: Command) -> Result<LessonRun> {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| cannot_start("cargo", &error))?;
    let mut stdout = String::new();
    if let Some(pipe) = child.stdout.take() {
        let mut terminal = std::io::stdout().lock();
        for line in BufReader::new(pipe).lines() {
            let line =
                line.map_err(|error| Error::Failed(format!("reading cargo's output: {error}")))?;
            // A closed terminal (output piped into `head`) must not stop the checks.
            let _ = writeln!(terminal, "{line}");
            stdout.push_str(&line);
            stdout.push('\n');
        }
    }
    let status = child
        .wait()
        .map_err(|error| Error::Failed(format!("waiting for cargo: {error}")))?;
    // Cargo's and the compiler's errors went straight to the terminal, above the verdict.
    let why = "cargo's errors are above".to_string();
    Ok(interpret(&stdout, status, why))
}

/// Tells apart "the checks ran", "nothing built" and "the checks crashed"; `why` is what to
/// say about a failure that is not a check's.
fn interpret(stdout: &str, status: ExitStatus, why: String) -> LessonRun {
    if !test_output::tests_started(stdout) {
        if status.success() {
            return LessonRun::Ran(Vec::new());
        }
        return LessonRun::DidNotCompile(why);
    }
    if !test_output::tests_finished(stdout) {
        return LessonRun::Crashed(why);
    }
    LessonRun::Ran(test_output::parse_results(stdout))
}

/// Runs a command with everything in view, after printing it as the learner would type it.
pub fn run_in_view(mut command: Command) -> Result<bool> {
    println!("$ {}", describe(&command));
    // Flush so the line comes before the command's own output when both go to a pipe.
    let _ = std::io::stdout().flush();
    let program = command.get_program().to_string_lossy().into_owned();
    let status = command
        .status()
        .map_err(|error| cannot_start(&program, &error))?;
    Ok(status.success())
}

/// `cargo test --workspace …`, as typed: the program's file name and its arguments.
pub fn describe(command: &Command) -> String {
    let program = Path::new(command.get_program())
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    let arguments = command.get_args().map(|a| a.to_string_lossy().into_owned());
    std::iter::once(program)
        .chain(arguments)
        .collect::<Vec<_>>()
        .join(" ")
}

fn cannot_start(program: &str, error: &std::io::Error) -> Error {
    Error::Failed(format!("cannot run {program}: {error}"))
}
