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
//!
//! A task the code under check spawns is not one of those polls: `tokio::spawn(async { for line
//! in rx { .. } })` blocks the thread whenever the runtime gets round to it, long after the call
//! that spawned it returned. So the watching thread also pings each check's runtime while it
//! runs (see [`Runtime`]): a ping is a task of nothing, spawned from outside, and one that has
//! not run after [`stuck_after`] means the runtime's only thread is held by something.

use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Once, PoisonError};
use std::time::{Duration, Instant};

use super::Exercise;

/// The polls in progress: an id, when the poll began, and whose code it runs.
static POLLS: Mutex<Vec<(u64, Instant, Exercise)>> = Mutex::new(Vec::new());

/// A check's runtime while it runs a check, as the watching thread sees it.
struct Watched {
    id: u64,
    handle: tokio::runtime::Handle,
    /// When the ping in flight was spawned, and whether it has run.
    ping: Option<(Instant, Arc<AtomicBool>)>,
    /// The exercise whose code was last polled on this runtime, for the message.
    exercise: Option<Exercise>,
}

/// The check runtimes running now.
static RUNTIMES: Mutex<Vec<Watched>> = Mutex::new(Vec::new());

thread_local! {
    /// The id of the check runtime this thread is running, if any.
    static RUNNING: std::cell::Cell<Option<u64>> = const { std::cell::Cell::new(None) };
}

/// Watches a check's runtime, whose `block_on` runs on this thread, until dropped: drop it
/// before `block_on` returns or right after, as the runtime stops running then.
pub(super) struct Runtime {
    id: u64,
}

impl Runtime {
    pub(super) fn begin(handle: tokio::runtime::Handle) -> Runtime {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        start_watching();
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        runtimes().push(Watched {
            id,
            handle,
            ping: None,
            exercise: None,
        });
        RUNNING.with(|running| running.set(Some(id)));
        Runtime { id }
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        RUNNING.with(|running| running.set(None));
        runtimes().retain(|watched| watched.id != self.id);
    }
}

fn runtimes() -> std::sync::MutexGuard<'static, Vec<Watched>> {
    RUNTIMES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Pings every watched runtime whose last ping has run, and returns the exercise of one whose
/// ping has waited `limit` (`None` inside when no code of an exercise was polled there yet).
fn a_runtime_held_for(limit: Duration) -> Option<Option<Exercise>> {
    let mut runtimes = runtimes();
    for watched in runtimes.iter_mut() {
        match &watched.ping {
            Some((sent, ran)) if !ran.load(Ordering::Acquire) => {
                if sent.elapsed() >= limit {
                    return Some(watched.exercise);
                }
            }
            _ => {
                let ran = Arc::new(AtomicBool::new(false));
                let flag = Arc::clone(&ran);
                drop(watched.handle.spawn(async move {
                    flag.store(true, Ordering::Release);
                }));
                watched.ping = Some((Instant::now(), ran));
            }
        }
    }
    None
}

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
        if let Some(running) = RUNNING.with(std::cell::Cell::get)
            && let Some(watched) = runtimes().iter_mut().find(|watched| watched.id == running)
        {
            watched.exercise = Some(exercise);
        }
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
                    let message = match stuck {
                        Some(exercise) => stuck_message(exercise, limit),
                        None => match a_runtime_held_for(limit) {
                            Some(exercise) => held_message(exercise, limit),
                            None => continue,
                        },
                    };
                    // Straight to the process's stderr: `eprintln!` here would go to the output
                    // that libtest captures for the test that started this thread, and is never
                    // shown once the process ends.
                    let _ = writeln!(std::io::stderr(), "\n{message}");
                    // 101, as for a failed test: cargo reports the binary as failed.
                    std::process::exit(101);
                }
            });
        // Without the thread, a blocked run hangs as it would have anyway.
        drop(spawned);
    });
}

/// What the learner reads when a task kept a check's runtime from running for `limit`: no call
/// of their code was in progress, so a task it spawned holds the thread.
fn held_message(exercise: Option<Exercise>, limit: Duration) -> String {
    let rule = format!(
        "it waits only by awaiting, never by blocking the thread: a task your code started \
         (`tokio::spawn`) kept the test's thread for {} s in one go without giving it back to \
         the runtime, so nothing else could run, not even the check's own timeout, and the \
         checks stop here. Something in that task waits without `.await` (a `std::sync` \
         channel's `recv` or `for .. in` a `std::sync::mpsc::Receiver`, a `std::sync::Mutex`, \
         `std::thread::sleep`) or loops without end: a task that must block belongs on a thread \
         of its own (`std::thread::spawn`), or waits on a tokio channel with `.await`",
        limit.as_secs_f32()
    );
    exercise.map_or_else(
        || format!("the checks: {rule}"),
        |exercise| exercise.fail(&rule),
    )
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
