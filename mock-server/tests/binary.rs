//! The `mock-server` binary as a learner runs it: it prints its URL, serves, stops cleanly on
//! SIGTERM, and turns mistakes into one clear line on stderr.
//!
//! The binary serves through the hyper front end (`serve`), whose full contract is checked
//! in-process by the other test files; here a few checks through the real process make sure
//! the flags reach it: the core of the contract, the latency, a status fault and a drop.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{check_core_contract, client};

const BINARY: &str = env!("CARGO_BIN_EXE_mock-server");

/// A running `mock-server` process and the URL it printed. Killed when dropped, so that a
/// failing test leaves no server behind.
struct Running {
    child: Child,
    url: String,
}

impl Running {
    /// Starts the binary on a free port with `flags` and waits for its URL line.
    fn start(flags: &[&str]) -> Running {
        let mut child = Command::new(BINARY)
            .args(["--port", "0"])
            .args(flags)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        // Read the first line on a thread, so that a silent server fails the test instead of
        // hanging it.
        let stdout = child.stdout.take().expect("stdout is piped");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = receiver
            .recv_timeout(Duration::from_secs(10))
            .expect("the binary prints a line");
        assert!(
            line.starts_with("mock JSONPlaceholder listening on http://127.0.0.1:"),
            "{line}"
        );
        assert!(line.contains("Ctrl-C"), "{line}");
        let url = line
            .split_whitespace()
            .find(|word| word.starts_with("http://"))
            .expect("a URL")
            .to_string();
        Running { child, url }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // Already gone after a successful SIGTERM test; then this does nothing.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs the binary to completion with `args` (for the cases that must fail at once).
fn run(args: &[&str]) -> Output {
    Command::new(BINARY)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Waits for `child` to exit, killing it if it takes longer than `limit`.
fn wait_at_most(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not stop within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Started with `--port 0`, the binary prints a URL on a free port, serves the API there with
/// the latency asked for, and exits with success on SIGTERM.
#[cfg(unix)]
#[tokio::test]
async fn the_binary_prints_its_url_serves_the_api_and_stops_cleanly_on_sigterm() {
    const LATENCY: Duration = Duration::from_millis(100);
    let mut server = Running::start(&["--latency", "100ms"]);
    assert!(server.url.len() > "http://127.0.0.1:".len());

    check_core_contract(&server.url).await;
    let started = Instant::now();
    let response = client()
        .get(format!("{}/posts/1", server.url))
        .send()
        .await
        .expect("the binary serves");
    assert_eq!(response.status(), 200);
    let elapsed = started.elapsed();
    assert!(
        (LATENCY..10 * LATENCY).contains(&elapsed),
        "with --latency 100ms an answer took {elapsed:?}"
    );

    let killed = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = wait_at_most(&mut server.child, Duration::from_secs(10));
    assert!(status.success(), "exit status after SIGTERM: {status}");
}

/// `--fail-every 2 --fail-with 503`: every second request gets 503 with `{}` as JSON.
#[tokio::test]
async fn a_status_fault_from_the_flags_fails_the_chosen_requests() {
    let server = Running::start(&["--fail-every", "2", "--fail-with", "503"]);
    let client = client();
    let mut answers = Vec::new();
    for _ in 0..4 {
        let response = client
            .get(format!("{}/posts/1", server.url))
            .send()
            .await
            .expect("an answer");
        let status = response.status().as_u16();
        let content_type = response.headers()["content-type"].clone();
        assert_eq!(content_type, "application/json; charset=utf-8");
        let body = response.text().await.expect("a body");
        answers.push((status, if status == 503 { body } else { String::new() }));
    }
    let expected = [(200, ""), (503, "{}"), (200, ""), (503, "{}")];
    assert_eq!(
        answers,
        expected.map(|(status, body)| (status, body.to_string()))
    );
}

/// `--fail-ids 3 --fail-with drop`: a request about id 3 gets no answer at all (a connection
/// error for the client), while the others are served.
#[tokio::test]
async fn a_drop_fault_from_the_flags_closes_the_connection_without_an_answer() {
    let server = Running::start(&["--fail-ids", "3", "--fail-with", "drop"]);
    let client = client();
    let dropped = client
        .get(format!("{}/posts/3", server.url))
        .send()
        .await
        .expect_err("no answer for /posts/3");
    assert!(!dropped.is_status() && !dropped.is_timeout(), "{dropped:?}");
    let served = client
        .get(format!("{}/posts/2", server.url))
        .send()
        .await
        .expect("an answer for /posts/2");
    assert_eq!(served.status(), 200);
}

/// An unknown flag: a non-zero exit and one line on stderr naming it.
#[test]
fn an_unknown_flag_exits_non_zero_with_one_clear_line() {
    let output = run(&["--colour", "blue"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error:") && stderr.contains("--colour") && stderr.contains("--help"),
        "{stderr}"
    );
}

/// A bad value: one line saying what is accepted.
#[test]
fn a_bad_value_exits_non_zero_with_one_line_saying_what_is_accepted() {
    for (args, expected) in [
        (&["--latency", "fast"][..], "100ms..300ms"),
        (&["--fail-with", "200"][..], "400 to 599"),
        (&["--fail-share", "2"][..], "from 0 to 1"),
        (&["--fail-with", "503"][..], "--fail-every"),
        (
            &["--fail-every", "2", "--retry-after", "2s"][..],
            "--fail-with 429",
        ),
        (&["--header-timeout", "0"][..], "above zero"),
        (&["--body-timeout", "soon"][..], "250ms"),
        (&["--max-connections", "0"][..], "from 1 to 1000000"),
    ] {
        let output = run(args);
        assert!(!output.status.success(), "{args:?}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error:") && stderr.contains(expected),
            "{args:?}: {stderr}"
        );
    }
}

/// A port already taken: a non-zero exit and a line naming the port and the way out.
#[test]
fn a_busy_port_exits_non_zero_and_names_the_port() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = run(&["--port", &port]);
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains(&format!("port {port} is already in use")) && stderr.contains("--port 0"),
        "{stderr}"
    );
}

/// `--help` is not an error.
#[test]
fn help_lists_the_flags_and_exits_with_success() {
    let output = run(&["--help"]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    for flag in [
        "--host",
        "--port",
        "--latency",
        "--seed",
        "--fail-every",
        "--fail-share",
        "--fail-ids",
        "--fail-with",
        "--retry-after",
        "--header-timeout",
        "--body-timeout",
        "--max-connections",
    ] {
        assert!(stdout.contains(flag), "{flag} missing from --help");
    }
}

/// Runs the binary on a free port with its stdout going to `stdout`, for the cases where that
/// output cannot be written; returns how it exited and what it wrote on stderr.
fn run_printing_into(stdout: Stdio) -> (std::process::ExitStatus, String) {
    let mut child = Command::new(BINARY)
        .args(["--port", "0"])
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // It stops at its first line, the URL; if it did not, it would serve on, and fail here.
    let status = wait_at_most(&mut child, Duration::from_secs(30));
    let mut stderr = String::new();
    std::io::Read::read_to_string(
        &mut child.stderr.take().expect("stderr is piped"),
        &mut stderr,
    )
    .expect("stderr reads");
    (status, stderr)
}

/// `mock-server | head -0`: with nobody reading its output, the server stops quietly with
/// status 141, as any Unix tool would, instead of panicking in `println!`. The pipe is a real
/// one, closed before the server writes.
#[cfg(unix)]
#[tokio::test]
async fn a_closed_pipe_stops_the_server_quietly() {
    let (writer, reader) = tokio::net::unix::pipe::pipe().expect("a pipe");
    drop(reader);
    let writer = writer.into_blocking_fd().expect("the pipe's writing end");

    let (status, stderr) = run_printing_into(writer.into());

    assert_eq!(
        status.code(),
        Some(mock_server::output::CLOSED_PIPE_STATUS),
        "{stderr}"
    );
    assert!(stderr.is_empty(), "nothing to report: {stderr}");
}

/// `mock-server > /dev/full`: output that cannot be written is one error line and a non-zero
/// exit, not a panic.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_clear_line() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full opens for writing");

    let (status, stderr) = run_printing_into(full.into());

    assert_eq!(status.code(), Some(1), "{stderr}");
    assert_eq!(
        stderr,
        "error: cannot write to stdout: No space left on device (os error 28); \
         free some space on that disk, or send the output elsewhere\n"
    );
}
