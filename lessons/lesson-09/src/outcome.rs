//! How a test ends, caught instead of crashing the program that runs it.
//!
//! A Rust test fails in two ways: it returns `Err`, or it panics. Panicking is the usual one:
//! `assert!`, `unwrap()`, and wiremock's `.expect(n)`, which checks its count when the
//! `MockServer` is dropped at the end of the test and panics with a report when the count is
//! wrong. `cargo test` catches the panic and marks the test failed.
//!
//! The lesson's program and exercise 14's checks run tests too, and must not crash when one
//! fails: [`run_test`] catches the panic, keeps its message, and keeps it off the terminal.
//! [`verification_report`] does the same for one server's expectations, so the program can
//! show the report a failing test would print.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::Once;
use std::task::{Context, Poll};

use wiremock::MockServer;

/// How a test ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// It returned `Ok(())`.
    Passed,
    /// It returned `Err(message)`.
    Failed(String),
    /// It panicked: an assertion, an `unwrap`, or a wiremock expectation checked on drop.
    Panicked(Panic),
}

impl Outcome {
    /// Whether the test passed.
    pub fn passed(&self) -> bool {
        matches!(self, Outcome::Passed)
    }
}

/// A caught panic: its message and where it happened (`file:line:column`).
#[derive(Debug, Clone, PartialEq)]
pub struct Panic {
    pub message: String,
    pub location: String,
}

// ANCHOR: run_test
/// Runs a test to the end and says how it ended, a panic included.
pub async fn run_test<F>(test: F) -> Outcome
where
    F: Future<Output = Result<(), String>>,
{
    match catch_panic(test).await {
        Ok(Ok(())) => Outcome::Passed,
        Ok(Err(message)) => Outcome::Failed(message),
        Err(panic) => Outcome::Panicked(panic),
    }
}
// ANCHOR_END: run_test

/// wiremock's verdict on `server`'s expectations (`.expect(n)`), as the report it would panic
/// with when the server is dropped, or `None` when every expectation is met.
///
/// The server's mocks are then removed, so dropping it does not check (and panic) again.
pub async fn verification_report(server: MockServer) -> Option<String> {
    let report = catch_panic(server.verify()).await.err();
    server.reset().await;
    report.map(|panic| panic.message)
}

/// Runs `future`; a panic inside it becomes `Err(Panic)`, printed nowhere.
///
/// The future's leftovers are dropped inside the catch too: a test that panics while it holds
/// a `MockServer` leaves it to be dropped, and that drop checks the expectations and may panic
/// again.
pub async fn catch_panic<F: Future>(future: F) -> Result<F::Output, Panic> {
    quiet_panics::install();
    CatchPanic {
        future: Some(Box::pin(future)),
    }
    .await
}

/// The future behind [`catch_panic`]: polls the inner future with panics caught and silenced.
struct CatchPanic<F> {
    /// `None` once it has panicked and been dropped.
    future: Option<Pin<Box<F>>>,
}

impl<F: Future> Future for CatchPanic<F> {
    type Output = Result<F::Output, Panic>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let Some(future) = self.future.as_mut() else {
            // Only reachable if polled again after it finished, which no executor does.
            return Poll::Pending;
        };
        // The flag is per thread and set only while this poll runs, so a multi-threaded
        // runtime moving the task between threads keeps it quiet, and other tests are not.
        let _quiet = quiet_panics::Quiet::on();
        match catch_unwind(AssertUnwindSafe(|| future.as_mut().poll(cx))) {
            Ok(Poll::Ready(output)) => Poll::Ready(Ok(output)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => {
                let panic = Panic {
                    message: panic_message(payload.as_ref()),
                    location: quiet_panics::last_location(),
                };
                let leftovers = self.future.take();
                // A second panic from a destructor says nothing new: the first one is the story.
                let _ = catch_unwind(AssertUnwindSafe(move || drop(leftovers)));
                Poll::Ready(Err(panic))
            }
        }
    }
}

/// The text a panic was given: `panic!("…")` and `unwrap()` give a `String` or a `&str`.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

/// Keeps caught panics off stderr. Other panics (a failing assertion of a test of this crate,
/// another thread's) print as usual.
mod quiet_panics {
    use super::*;

    thread_local! {
        /// Whether this thread is running code whose panics are caught right now.
        static QUIET: Cell<bool> = const { Cell::new(false) };
        /// Where the last quiet panic happened.
        static LOCATION: RefCell<String> = const { RefCell::new(String::new()) };
    }

    /// Wraps the process's panic hook once: the hook is global, the switch is per thread.
    pub(super) fn install() {
        static HOOK: Once = Once::new();
        HOOK.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                if QUIET.with(Cell::get) {
                    let location = info
                        .location()
                        .map(ToString::to_string)
                        .unwrap_or_else(|| "an unknown place".to_owned());
                    LOCATION.with(|last| *last.borrow_mut() = location);
                } else {
                    previous(info);
                }
            }));
        });
    }

    /// Quiet while it lives; the previous state comes back when it is dropped, even during a
    /// panic.
    pub(super) struct Quiet {
        before: bool,
    }

    impl Quiet {
        pub(super) fn on() -> Quiet {
            Quiet {
                before: QUIET.with(|flag| flag.replace(true)),
            }
        }
    }

    impl Drop for Quiet {
        fn drop(&mut self) {
            QUIET.with(|flag| flag.set(self.before));
        }
    }

    pub(super) fn last_location() -> String {
        LOCATION.with(|last| last.borrow().clone())
    }
}
