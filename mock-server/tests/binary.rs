//! The `mock-server` binary as a learner runs it: it prints its URL, serves, stops cleanly on
//! SIGTERM, and turns mistakes into one clear line on stderr.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const BINARY: &str = env!("CARGO_BIN_EXE_mock-server");

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

/// Started with `--port 0`, the binary prints a URL on a free port, serves the API there, and
/// exits with success on SIGTERM.
#[cfg(unix)]
#[tokio::test]
async fn the_binary_prints_its_url_serves_the_api_and_stops_cleanly_on_sigterm() {
    let mut child = Command::new(BINARY)
        .args(["--port", "0", "--latency", "10ms"])
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

    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let response = client
        .get(format!("{url}/posts/1"))
        .send()
        .await
        .expect("the binary serves");
    assert_eq!(response.status(), 200);
    let post: serde_json::Value = response.json().await.unwrap();
    assert_eq!(post["id"], 1);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = wait_at_most(&mut child, Duration::from_secs(10));
    assert!(status.success(), "exit status after SIGTERM: {status}");
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
    ] {
        assert!(stdout.contains(flag), "{flag} missing from --help");
    }
}
