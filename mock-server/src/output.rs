//! What a program of the course does when its own output cannot be written: a closed pipe ends
//! it quietly, the way it ends `ls`; any other failure (a full disk) is one clear line.
//!
//! `println!` and `eprintln!` panic when the write fails: `lesson-03 | head -1` used to end
//! with "failed printing to stdout: Broken pipe", a backtrace and exit status 101, once `head`
//! had its line and closed the pipe. C programs never see this, because a write to a closed
//! pipe kills them with the signal SIGPIPE, silently; the shell then reports status 141
//! (128 + 13, SIGPIPE's number). Rust ignores SIGPIPE at startup, so the write returns an error
//! instead, and the print macros turn that error into a panic.
//!
//! Putting SIGPIPE back would need `unsafe` (a libc call), which this workspace forbids, or an
//! unstable compiler flag. Writing every line through `writeln!(stdout, …)?` would handle the
//! error, at the cost of burying each lesson's output under error plumbing. So the course keeps
//! the plain macros and catches their one panic instead: [`exit_on_write_error`] installs a
//! panic hook that recognises std's "failed printing to stdout/stderr" panic and ends the
//! process before the panic unwinds, on whatever thread it happened:
//!
//! - a closed pipe (`BrokenPipe`): no message, exit status [`CLOSED_PIPE_STATUS`] (141), the
//!   status `ls | head` leaves for `ls`;
//! - any other error, such as `> /dev/full` or a full disk: one line on stderr,
//!   `error: cannot write to stdout: No space left on device (os error 28); …`, exit status 1;
//! - any other panic: the previous hook, unchanged (a bug still shows its message and
//!   backtrace).
//!
//! It lives here because both the `mock-server` binary and every lesson (through
//! `lesson_support::output`, a re-export) need it, and the lessons already depend on this crate.

use std::io::{self, ErrorKind, Write};
use std::process;
use std::sync::Once;

/// The exit status after a closed pipe: 128 + SIGPIPE (13), what a shell reports for a program
/// that SIGPIPE ended, such as `ls` in `ls | head`. Scripts that check `${PIPESTATUS[0]}` or run
/// under `set -o pipefail` see what they would see for any Unix tool.
pub const CLOSED_PIPE_STATUS: i32 = 141;

/// From now on, a `println!` or `eprintln!` that cannot write ends the process cleanly instead
/// of panicking: quietly with [`CLOSED_PIPE_STATUS`] when the reader has gone (a closed pipe),
/// with one `error:` line and exit status 1 for anything else (a full disk). Call it first
/// thing in `main`; calling it again does nothing.
///
/// It wraps the panic hook in place at the time, so call it before installing another hook that
/// should see these panics first.
pub fn exit_on_write_error() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // `panic!("failed printing to {label}: {e}")` carries a `String`; a panic with a
            // plain literal carries a `&str`.
            let payload = info.payload();
            let message = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied());
            if let Some(failure) = message.and_then(WriteFailure::from_panic) {
                failure.exit();
            }
            previous(info);
        }));
    });
}

/// A print macro's failed write, read back from its panic message.
#[derive(Debug, PartialEq)]
struct WriteFailure<'a> {
    /// `stdout` or `stderr`.
    stream: &'a str,
    /// The `io::Error` as std displayed it: `Broken pipe (os error 32)`.
    error: &'a str,
    /// Its kind, from the OS error code in the text; `Other` when there is none.
    kind: ErrorKind,
}

impl<'a> WriteFailure<'a> {
    /// Recognises the message of std's print macros, `failed printing to {stream}: {error}`
    /// (std's wording for years), and nothing else. The panic carries only this text, not the
    /// `io::Error`, so the kind comes from the `(os error N)` that ends the error's text.
    /// The tests that run each binary into a closed pipe would fail if std ever changed the
    /// wording.
    fn from_panic(message: &'a str) -> Option<WriteFailure<'a>> {
        let rest = message.strip_prefix("failed printing to ")?;
        let (stream, error) = rest.split_once(": ")?;
        if stream != "stdout" && stream != "stderr" {
            return None;
        }
        let kind = error
            .strip_suffix(')')
            .and_then(|text| text.rsplit_once("(os error "))
            .and_then(|(_, code)| code.parse::<i32>().ok())
            .map_or(ErrorKind::Other, |code| {
                io::Error::from_raw_os_error(code).kind()
            });
        Some(WriteFailure {
            stream,
            error,
            kind,
        })
    }

    /// The line to print, or `None` when the right answer is silence (nobody is reading).
    fn report(&self) -> Option<String> {
        let what_to_do = match self.kind {
            ErrorKind::BrokenPipe => return None,
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
                "free some space on that disk, or send the output elsewhere"
            }
            _ => "check where the output goes (the file or device it is redirected to)",
        };
        Some(format!(
            "error: cannot write to {}: {}; {what_to_do}",
            self.stream, self.error
        ))
    }

    /// Ends the process: the panic has not started unwinding yet, so no other code runs.
    fn exit(&self) -> ! {
        match self.report() {
            None => process::exit(CLOSED_PIPE_STATUS),
            Some(line) => {
                // Not `eprintln!`: if stderr is the stream that failed, that would panic inside
                // the panic hook, and a panic there aborts the process. A line that cannot be
                // written is lost; the exit status still says something went wrong.
                let _ = writeln!(io::stderr(), "{line}");
                process::exit(1)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_pipe_is_recognised_and_left_silent() {
        let failure =
            WriteFailure::from_panic("failed printing to stdout: Broken pipe (os error 32)")
                .expect("std's message is recognised");
        assert_eq!(failure.stream, "stdout");
        assert_eq!(failure.kind, ErrorKind::BrokenPipe);
        assert_eq!(failure.report(), None);

        let on_stderr =
            WriteFailure::from_panic("failed printing to stderr: Broken pipe (os error 32)")
                .expect("the same on stderr");
        assert_eq!(on_stderr.report(), None);
    }

    /// ENOSPC is 28 on Linux; the text is built by a real `io::Error`, as std displays it.
    #[test]
    #[cfg(target_os = "linux")]
    fn a_full_disk_is_one_line_that_says_what_to_do() {
        let message = format!(
            "failed printing to stdout: {}",
            io::Error::from_raw_os_error(28)
        );
        let failure = WriteFailure::from_panic(&message).expect("recognised");
        assert_eq!(failure.kind, ErrorKind::StorageFull);
        assert_eq!(
            failure.report().as_deref(),
            Some(
                "error: cannot write to stdout: No space left on device (os error 28); \
                 free some space on that disk, or send the output elsewhere"
            )
        );
    }

    #[test]
    fn an_error_without_an_os_code_is_still_reported() {
        let failure = WriteFailure::from_panic("failed printing to stdout: formatter error")
            .expect("recognised");
        assert_eq!(failure.kind, ErrorKind::Other);
        let line = failure.report().expect("reported");
        assert!(
            line.starts_with("error: cannot write to stdout: formatter error; "),
            "{line}"
        );
        assert!(!line.contains('\n'));
    }

    #[test]
    fn other_panics_are_not_mistaken_for_a_failed_print() {
        for message in [
            "called `Option::unwrap()` on a `None` value",
            "failed printing to debug screen: oops",
            "assertion failed: failed printing to stdout",
        ] {
            assert_eq!(WriteFailure::from_panic(message), None, "{message}");
        }
    }
}
