//! The tests step of `cargo xtask verify`: every test binary of the workspace, a few at a time.
//!
//! `cargo test` runs its test binaries one after another. The course's binaries spend nearly
//! all their time waiting (on servers' latencies, back-off waits, timeouts the checks provoke
//! on purpose), and the slowest few, the lessons' `tests/course.rs`, would each leave the
//! machine idle for half a minute. So the step builds every binary first (`cargo test
//! --no-run`, reading cargo's JSON messages for where each binary is), then runs [`LANES`] of
//! them at once, the slowest kinds first, and ends with the doctests. Each binary runs as
//! `cargo test` would run it: from its package's folder, with `CARGO_MANIFEST_DIR` set.
//!
//! Each binary's output is kept and shown only when it fails, whole, so a failure reads as it
//! would under `cargo test`; the others get one line each.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::cargo;
use crate::error::{Error, Result};

/// How many test binaries run at once. The two longest, lessons 03 and 04's `tests/course.rs`,
/// run beside each other and the rest go through the third lane. The binaries wait far more
/// than they compute: on a 2-core machine the three lanes once used about 1.3 cores (the checks'
/// clients load no TLS roots, see `lesson_support::testing::tagged_client_builder`; when they
/// did, lesson 04's checks alone kept 1.2 cores busy and three lanes starved the timing checks).
const LANES: usize = 3;

/// How many tests each test binary runs at once, unless [`TEST_THREADS_VARIABLE`] says
/// otherwise: [`MANY_TEST_THREADS`] for the binaries in [`WAITING_MOST`], twelve for the rest.
///
/// The course's checks spend their time waiting on servers, not computing. Twelve is twice the
/// six `.cargo/config.toml` gives `cargo test`, where a learner runs one exercise's checks.
/// (Twelve and more needed the servers of `mock_server::loopback_listener`: with servers on
/// ports the OS picked, the ports in `TIME_WAIT` ran out.)
const TEST_THREADS: &str = "12";

/// How many tests the binaries in [`WAITING_MOST`] run at once. On a 2-core machine, lesson
/// 03's 550 kept answers and solutions take 111 s twelve at a time (0.4 cores busy) and 60 s
/// twenty-four at a time. Not every binary: with every binary at twenty-four, one loaded run
/// in ten rejected two correct variants of exercise 10, whose check of a blocked thread counts
/// the time the thread stood still without waiting for a processor, and that time grew. And
/// only with the `suite` profile's optimised dependencies: unoptimised, the checks used twice
/// the CPU, and twenty-four at a time starved the machine until timing checks failed.
const MANY_TEST_THREADS: &str = "24";

/// The binaries that run [`MANY_TEST_THREADS`] tests at once: the two longest, whose checks
/// hold a hundred requests in flight or wait out timeouts, and compute little meanwhile.
const WAITING_MOST: [&str; 2] = [
    "lessons/lesson-03/tests/course.rs",
    "lessons/lesson-04/tests/course.rs",
];

/// The variable that sets [`TEST_THREADS`] for one run. Not `RUST_TEST_THREADS`: cargo sets that
/// one for every command it runs, this one included (`.cargo/config.toml`), so a value of yours
/// could not be told from cargo's.
const TEST_THREADS_VARIABLE: &str = "COURSE_TEST_THREADS";

/// The arguments every cargo command of this step shares: the whole workspace, every feature
/// (so the checks run against the reference solutions), exactly the locked dependencies, and
/// the `suite` profile (the workspace's `Cargo.toml` says why).
const SCOPE: [&str; 5] = [
    "--workspace",
    "--all-features",
    "--locked",
    "--profile",
    "suite",
];

/// One test binary, as cargo built it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Binary {
    /// The file the binary was built from, relative to the repository (`lessons/lesson-05/tests/course.rs`).
    source: String,
    executable: PathBuf,
    /// The folder of the binary's package, where `cargo test` would run it.
    package_dir: PathBuf,
}

/// How one job ended.
struct Finished {
    label: String,
    output: Output,
    took: Duration,
}

/// Builds and runs every test of the workspace; whether all passed.
pub fn run(root: &Path) -> Result<bool> {
    let mut build = cargo::cargo(root);
    build
        .arg("test")
        .args(SCOPE)
        .args(["--no-run", "--message-format", "json-render-diagnostics"]);
    println!("$ {}", cargo::describe(&build));
    // Cargo's progress and the compiler's errors go to the terminal as usual; the JSON
    // messages on stdout are read here.
    let built = build
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| Error::Failed(format!("could not start cargo: {error}")))?;
    if !built.status.success() {
        return Ok(false);
    }
    let mut binaries = binaries(&String::from_utf8_lossy(&built.stdout), root);
    binaries.sort_by_key(|binary| (slowness_rank(&binary.source), binary.source.clone()));

    let mut jobs: VecDeque<(String, Command)> = binaries
        .iter()
        .map(|binary| (binary.source.clone(), test_command(binary)))
        .collect();
    let mut doctests = cargo::cargo(root);
    doctests.arg("test").args(SCOPE).arg("--doc");
    jobs.push_back(("doctests".to_string(), doctests));

    println!(
        "running {} test binaries and the doctests, {LANES} at a time",
        binaries.len()
    );
    let started = Instant::now();
    let total = jobs.len();
    let queue = Mutex::new(jobs);
    let (sender, receiver) = std::sync::mpsc::channel::<Result<Finished>>();
    let mut failed = Vec::new();
    std::thread::scope(|scope| {
        for _ in 0..LANES {
            let sender = sender.clone();
            let queue = &queue;
            scope.spawn(move || {
                loop {
                    let next = queue
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .pop_front();
                    let Some((label, mut command)) = next else {
                        break;
                    };
                    let began = Instant::now();
                    let finished = command
                        .stdin(Stdio::null())
                        .output()
                        .map(|output| Finished {
                            label: label.clone(),
                            output,
                            took: began.elapsed(),
                        })
                        .map_err(|error| {
                            Error::Failed(format!("could not start the tests of {label}: {error}"))
                        });
                    if sender.send(finished).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for finished in receiver {
            match finished {
                Ok(finished) => {
                    if !report(&finished) {
                        failed.push(finished.label);
                    }
                }
                Err(error) => {
                    println!("  ✗ {error}");
                    failed.push(error.to_string());
                }
            }
        }
    });
    let took = started.elapsed().as_secs_f32();
    if failed.is_empty() {
        println!("all {total} passed in {took:.1} s");
        Ok(true)
    } else {
        println!(
            "{} of {total} failed ({took:.1} s): {}",
            failed.len(),
            failed.join(", ")
        );
        Ok(false)
    }
}

/// Prints one line for a job that passed, or its whole output for one that failed; whether it
/// passed.
fn report(finished: &Finished) -> bool {
    let stdout = String::from_utf8_lossy(&finished.output.stdout);
    // libtest's "test result: ok. 61 passed; 0 failed; …" lines, one per binary (the doctests
    // have one per crate), added up.
    let passed: usize = stdout
        .lines()
        .filter_map(|line| line.strip_prefix("test result: ok. "))
        .filter_map(|rest| rest.split_once(" passed"))
        .filter_map(|(count, _)| count.parse::<usize>().ok())
        .sum();
    let took = finished.took.as_secs_f32();
    if finished.output.status.success() {
        println!("  ✓ {}: {passed} passed ({took:.1} s)", finished.label);
        return true;
    }
    println!(
        "  ✗ {} ({took:.1} s), {}:",
        finished.label, finished.output.status
    );
    print!("{stdout}");
    print!("{}", String::from_utf8_lossy(&finished.output.stderr));
    false
}

/// The command that runs one test binary as `cargo test` would.
fn test_command(binary: &Binary) -> Command {
    let mut command = Command::new(&binary.executable);
    command
        .current_dir(&binary.package_dir)
        .env("CARGO_MANIFEST_DIR", &binary.package_dir);
    let threads = std::env::var_os(TEST_THREADS_VARIABLE).unwrap_or_else(|| {
        if WAITING_MOST.contains(&binary.source.as_str()) {
            MANY_TEST_THREADS.into()
        } else {
            TEST_THREADS.into()
        }
    });
    command.env("RUST_TEST_THREADS", threads);
    command
}

/// Which binaries to start first, so that the slowest do not start last: the kept answers of
/// the lessons (`course*.rs`), then the other integration tests, then the unit tests.
fn slowness_rank(source: &str) -> u8 {
    if source.contains("/tests/course") {
        0
    } else if source.contains("/tests/") {
        1
    } else {
        2
    }
}

/// The test binaries in cargo's JSON messages (one object per line): each artifact built in
/// test mode (not the lessons' own programs, which are built for their tests to run) that has
/// an executable.
fn binaries(messages: &str, root: &Path) -> Vec<Binary> {
    messages
        .lines()
        .filter(|line| line.contains(r#""reason":"compiler-artifact""#))
        .filter(|line| built_for_tests(line))
        .filter_map(|line| {
            let executable = json_string(line, "executable")?;
            let manifest = PathBuf::from(json_string(line, "manifest_path")?);
            let source = PathBuf::from(json_string(line, "src_path")?);
            let source = source
                .strip_prefix(root)
                .unwrap_or(&source)
                .to_string_lossy()
                .into_owned();
            Some(Binary {
                source,
                executable: PathBuf::from(executable),
                package_dir: manifest.parent()?.to_path_buf(),
            })
        })
        .collect()
}

/// Whether an artifact's `"profile"` object says `"test":true`.
fn built_for_tests(line: &str) -> bool {
    line.split_once(r#""profile":{"#)
        .and_then(|(_, profile)| profile.split_once('}'))
        .is_some_and(|(profile, _)| profile.contains(r#""test":true"#))
}

/// The string value of the first `"key":"…"` in a line of JSON, unescaped; `None` when the key
/// is missing or not a string (`"executable":null` for a library).
///
/// The runner has no dependencies (see `main.rs`), and cargo's messages are flat enough that
/// this is all the JSON it needs to read.
fn json_string(line: &str, key: &str) -> Option<String> {
    let start = line.find(&format!("\"{key}\":\""))? + key.len() + 4;
    let mut value = String::new();
    let mut chars = line[start..].chars();
    loop {
        match chars.next()? {
            '"' => return Some(value),
            '\\' => match chars.next()? {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                'u' => {
                    let code: String = chars.by_ref().take(4).collect();
                    value.push(
                        u32::from_str_radix(&code, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or(char::REPLACEMENT_CHARACTER),
                    );
                }
                other => value.push(other),
            },
            other => value.push(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cargo's messages, shortened: a library (no executable), a test binary, and a lesson's
    /// program built for its tests to run (an executable, but not a test).
    const MESSAGES: &str = concat!(
        r#"{"reason":"compiler-artifact","package_id":"path+file:///repo/shared#0.1.0","manifest_path":"/repo/shared/Cargo.toml","target":{"kind":["lib"],"name":"lesson_support","src_path":"/repo/shared/src/lib.rs","test":true},"profile":{"test":false},"executable":null,"fresh":true}"#,
        "\n",
        r#"{"reason":"compiler-artifact","package_id":"path+file:///repo/lessons/lesson-05#0.1.0","manifest_path":"/repo/lessons/lesson-05/Cargo.toml","target":{"kind":["test"],"name":"course","src_path":"/repo/lessons/lesson-05/tests/course.rs","test":true},"profile":{"test":true},"executable":"/repo/target/debug/deps/course-0a1b","fresh":true}"#,
        "\n",
        r#"{"reason":"compiler-artifact","package_id":"path+file:///repo/lessons/lesson-05#0.1.0","manifest_path":"/repo/lessons/lesson-05/Cargo.toml","target":{"kind":["bin"],"name":"lesson-05","src_path":"/repo/lessons/lesson-05/src/main.rs","test":true},"profile":{"test":false},"executable":"/repo/target/debug/lesson-05","fresh":true}"#,
        "\n",
        r#"{"reason":"build-finished","success":true}"#,
    );

    #[test]
    fn finds_each_test_binary_and_where_it_runs() {
        let found = binaries(MESSAGES, Path::new("/repo"));
        assert_eq!(
            found,
            vec![Binary {
                source: "lessons/lesson-05/tests/course.rs".to_string(),
                executable: PathBuf::from("/repo/target/debug/deps/course-0a1b"),
                package_dir: PathBuf::from("/repo/lessons/lesson-05"),
            }]
        );
    }

    #[test]
    fn reads_escaped_strings() {
        let line = r#"{"a":1,"path":"C:\\work\\x \"y\" \u00e9","path2":"z"}"#;
        assert_eq!(
            json_string(line, "path").as_deref(),
            Some(r#"C:\work\x "y" é"#)
        );
        assert_eq!(json_string(line, "a"), None);
        assert_eq!(json_string(line, "missing"), None);
    }

    #[test]
    fn the_kept_answers_start_first() {
        let mut sources = [
            "shared/src/lib.rs",
            "lessons/lesson-01/tests/exercises.rs",
            "lessons/lesson-05/tests/course.rs",
        ];
        sources.sort_by_key(|source| slowness_rank(source));
        assert_eq!(sources[0], "lessons/lesson-05/tests/course.rs");
        assert_eq!(sources[2], "shared/src/lib.rs");
    }
}
