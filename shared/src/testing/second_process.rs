//! A check's second process: the same test binary started again, to run the same test alone,
//! told by an environment variable which check it serves and the folder it shares with the
//! first. Some rules are about processes, not tasks: two programs writing the same file at once
//! (exercise 13), or a program that runs under a limit of its own. A check proves them with a
//! second real process.
//!
//! In the second process, the checks' `all` (see [`crate::exercise_checks`]) runs only the
//! check named; the check finds its folder with [`folder`], plays its part, and leaves its
//! verdict there with [`report`], which the first process reads with [`Started::verdict`]. (Not
//! the exit status: a kept wrong answer's test in the course's own tests passes when the checks
//! reject it.)

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The environment variable that makes a test binary a check's second process: the check's
/// name, a newline, and the folder the two processes share.
pub const VARIABLE: &str = "COURSE_SECOND_PROCESS";

/// How long a second process may take, from its start to its verdict.
const PATIENCE: Duration = Duration::from_secs(60);

/// The file a second process leaves its verdict in, in the shared folder.
const VERDICT: &str = "verdict";

/// The file a second process's harness writes its output to, in the shared folder.
const OUTPUT: &str = "output";

/// In a second process, the check it serves; `None` in the first.
pub fn serving() -> Option<String> {
    let value = std::env::var(VARIABLE).ok()?;
    let check = value
        .split_once('\n')
        .map_or(value.as_str(), |(check, _)| check);
    Some(check.to_owned())
}

/// In a second process started for `check`, the folder it shares with the first; `None`
/// elsewhere.
pub fn folder(check: &str) -> Option<PathBuf> {
    let value = std::env::var(VARIABLE).ok()?;
    let (serves, folder) = value.split_once('\n')?;
    (serves == check).then(|| PathBuf::from(folder))
}

/// In a second process, leaves its part's verdict in the shared `folder`: nothing, or the
/// message of the rule its part saw broken.
pub fn report(folder: &Path, verdict: &super::Verdict) {
    let text = match verdict {
        Ok(()) => String::new(),
        Err(message) => message.clone(),
    };
    // Nothing to do if it cannot be written: the first process then says no verdict came.
    let _ = std::fs::write(folder.join(VERDICT), text);
}

/// How a second process is started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limits {
    /// As the first one was.
    None,
    /// (Unix) Files limited to this many KiB, and `SIGXFSZ` ignored: a write past the limit
    /// fails with "File too large" (`EFBIG`), as a write to a full disk fails, instead of
    /// ending the process.
    FileSizeKib(u64),
    /// (Unix) At most this many files open at once (`ulimit -n`), so that the check can use
    /// them all up before the code under check opens one.
    OpenFiles(u64),
}

/// Starts this test binary again, to run the current test alone as `check`'s second process,
/// sharing `folder` (which must exist, and is the check's to remove). `Ok(None)` when the
/// current test's name is not known (it is the name of the thread a test runs on) or `limits`
/// cannot be set on this system: the check then stands down.
///
/// # Errors
/// When the binary cannot be started.
pub fn start(check: &str, folder: &Path, limits: Limits) -> std::io::Result<Option<Started>> {
    let Some(test) = std::thread::current().name().map(str::to_owned) else {
        return Ok(None);
    };
    if test == "main" {
        return Ok(None);
    }
    let binary = std::env::current_exe()?;
    let mut command = match limits {
        Limits::None => Command::new(&binary),
        #[cfg(unix)]
        Limits::FileSizeKib(kib) => {
            // POSIX `sh` counts `ulimit -f` in blocks of 512 bytes; a signal ignored before
            // `exec` stays ignored after it.
            let mut command = Command::new("/bin/sh");
            command
                .arg("-c")
                .arg(format!(
                    "trap '' XFSZ && ulimit -f {} && exec \"$0\" \"$@\"",
                    kib * 2
                ))
                .arg(&binary);
            command
        }
        #[cfg(unix)]
        Limits::OpenFiles(files) => {
            let mut command = Command::new("/bin/sh");
            command
                .arg("-c")
                .arg(format!("ulimit -n {files} && exec \"$0\" \"$@\""))
                .arg(&binary);
            command
        }
        #[cfg(not(unix))]
        Limits::FileSizeKib(_) | Limits::OpenFiles(_) => return Ok(None),
    };
    let output = std::fs::File::create(folder.join(OUTPUT))?;
    let child = command
        .args(["--exact", &test, "--test-threads", "1", "--nocapture"])
        .env(VARIABLE, format!("{check}\n{}", folder.display()))
        // Its verdict is in the shared folder, and the test around it ends as it may (in the
        // course's own tests, a kept wrong answer's test "fails" there, its part being only
        // one check): no backtrace to find the lines of, which costs a fifth of a second of
        // CPU each (exercise 13's kept answers spent a fifth of their time so).
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(output.try_clone()?)
        .stderr(output)
        .spawn()?;
    Ok(Some(Started {
        child: Some(child),
        folder: folder.to_owned(),
    }))
}

/// A second process, running. Dropped before [`Started::verdict`], it is killed.
pub struct Started {
    child: Option<std::process::Child>,
    folder: PathBuf,
}

impl Started {
    /// Waits for the second process to end (awaiting, never blocking the thread), and returns
    /// the verdict of its part: `Ok(Ok(()))` when it saw no rule broken, `Ok(Err(message))`
    /// when it did, `Err(what happened)` when it left no verdict (it crashed, or took longer
    /// than a minute and was killed).
    pub async fn verdict(mut self) -> Result<super::Verdict, String> {
        let Some(mut child) = self.child.take() else {
            return Err("the second process was not started".to_owned());
        };
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status.to_string(),
                Ok(None) if started.elapsed() > PATIENCE => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break format!("was stopped after {} s", PATIENCE.as_secs());
                }
                Ok(None) => tokio::time::sleep(Duration::from_millis(10)).await,
                Err(err) => break format!("could not be awaited ({err})"),
            }
        };
        match std::fs::read_to_string(self.folder.join(VERDICT)) {
            Ok(text) if text.is_empty() => Ok(Ok(())),
            Ok(text) => Ok(Err(text)),
            Err(_) => {
                let output = std::fs::read_to_string(self.folder.join(OUTPUT)).unwrap_or_default();
                let tail: Vec<&str> = output.lines().rev().take(12).collect();
                let tail: Vec<&str> = tail.into_iter().rev().collect();
                Err(format!(
                    "the check's second process left no verdict ({status}); its last words:\n{}",
                    tail.join("\n")
                ))
            }
        }
    }
}

impl Drop for Started {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
