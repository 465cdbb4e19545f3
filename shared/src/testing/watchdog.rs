//! Ends a check run whose code under check never gives its thread back.
//!
//! A check can wait for the learner's function with a timeout, but a timeout is a task of the
//! same runtime: when the function blocks the thread (a `std::sync::mpsc` receive waiting for
//! tasks that cannot run, a lock that is never released, a loop without end), the runtime's
//! only thread is inside the function and the timeout never fires. `cargo test` would then
//! hang for ever, saying nothing. Every poll of code under check is therefore noted here, and a
//! thread of our own watches: a single poll that has lasted [`stuck_after`] is no slow machine
//! (a correct answer's polls take microseconds), so it prints which rule was broken and ends
//! the process. Nothing else can end a thread that does not return.

use std::io::Write;
use std::sync::{Mutex, Once, PoisonError};
use std::time::{Duration, Instant};

use super::Exercise;

/// The polls in progress: an id, when the poll began, and whose code it runs.
static POLLS: Mutex<Vec<(u64, Instant, Exercise)>> = Mutex::new(Vec::new());

/// How long one poll may last before the run is ended: 20 s, or the milliseconds in
/// `COURSE_STUCK_AFTER_MS` (for the course's own test of this watchdog).
fn stuck_after() -> Duration {
    std::env::var("COURSE_STUCK_AFTER_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(Duration::from_secs(20), Duration::from_millis)
}

/// Notes a poll of an exercise's code until dropped.
pub(super) struct Poll {
    id: u64,
}

impl Poll {
    pub(super) fn begin(exercise: Exercise) -> Poll {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        start_watching();
        let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        lock().push((id, Instant::now(), exercise));
        Poll { id }
    }
}

impl Drop for Poll {
    fn drop(&mut self) {
        lock().retain(|(id, _, _)| *id != self.id);
    }
}

fn lock() -> std::sync::MutexGuard<'static, Vec<(u64, Instant, Exercise)>> {
    POLLS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts the watching thread, once per process.
fn start_watching() {
    static WATCHER: Once = Once::new();
    WATCHER.call_once(|| {
        let limit = stuck_after();
        let spawned = std::thread::Builder::new()
            .name("course-watchdog".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(Duration::from_millis(200));
                    let stuck = lock()
                        .iter()
                        .find(|(_, began, _)| began.elapsed() >= limit)
                        .map(|(_, _, exercise)| *exercise);
                    if let Some(exercise) = stuck {
                        // Straight to the process's stderr: `eprintln!` here would go to the
                        // output that libtest captures for the test that started this thread,
                        // and is never shown once the process ends.
                        let _ = writeln!(std::io::stderr(), "\n{}", stuck_message(exercise, limit));
                        // 101, as for a failed test: cargo reports the binary as failed.
                        std::process::exit(101);
                    }
                }
            });
        // Without the thread, a blocked run hangs as it would have anyway.
        drop(spawned);
    });
}

/// What the learner reads when their code kept the thread for `limit` in one go.
fn stuck_message(exercise: Exercise, limit: Duration) -> String {
    exercise.fail(&format!(
        "it waits only by awaiting, never by blocking the thread: your code kept the test's \
         thread for {} s in one go without giving it back to the runtime, so nothing else \
         could run, not even the check's own timeout, and the checks stop here. Something in \
         it waits without `.await` (a `std::sync` channel's `recv`, a `std::sync::Mutex` held \
         across requests, `std::thread::sleep`, `reqwest::blocking`, \
         `futures::executor::block_on`) or loops without end",
        limit.as_secs_f32()
    ))
}
