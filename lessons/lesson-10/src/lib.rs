//! Lesson 10: what blocking does to async code.
//!
//! The aiohttp article's reason for existing: `requests` is synchronous, and a synchronous call
//! inside an async function blocks the whole event loop. Rust has the same trap, and the
//! compiler does not see it: `std::thread::sleep`, a `std::fs` read, a `reqwest::blocking` call
//! or a long computation compiles fine inside an `async fn`. While it runs, the thread under it
//! runs nothing else. This module runs the same batch of requests three ways, and measures what
//! each does to the others:
//!
//! - [`Work::Async`]: the work after each answer is an `.await` (`tokio::time::sleep` stands
//!   in for any async wait), which hands the thread back while it waits;
//! - [`Work::Blocking`]: the same wait done with `std::thread::sleep`, the mistake, which holds
//!   the thread;
//! - [`Work::Offloaded`]: the blocking call moved to tokio's blocking thread pool with
//!   `tokio::task::spawn_blocking`, and awaited.
//!
//! A [`Heartbeat`] task ticks every 10 ms beside the batch; the longest gap between its ticks
//! tells how long the runtime could not run it.

pub mod exercises;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

/// What each request does once its answer is in: the work between one request and the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Work {
    /// `tokio::time::sleep(pause).await`: the task waits, the thread runs other tasks.
    Async,
    /// `std::thread::sleep(pause)`: the task holds its thread, and no other task runs there.
    Blocking,
    /// `spawn_blocking(move || std::thread::sleep(pause)).await`: the blocking call runs on a
    /// thread of tokio's blocking pool; the task awaits it like any other future.
    Offloaded,
    /// [`crunch`] called inline: CPU work, such as hashing or parsing a large body, with no
    /// `.await` inside. It blocks its thread exactly as `std::thread::sleep` does.
    Compute,
    /// [`crunch`] inside `spawn_blocking`.
    ComputeOffloaded,
}

impl Work {
    /// How the work is written, as the lesson prints it.
    pub fn code(self) -> &'static str {
        match self {
            Work::Async => "tokio::time::sleep(..).await",
            Work::Blocking => "std::thread::sleep(..)",
            Work::Offloaded => "spawn_blocking(|| std::thread::sleep(..)).await",
            Work::Compute => "crunch(..) (CPU work, no .await)",
            Work::ComputeOffloaded => "spawn_blocking(|| crunch(..)).await",
        }
    }
}

// ANCHOR: work
/// Does `pause` worth of work the way `work` says. The three arms take the same time; they
/// differ in what the *other* tasks can do meanwhile.
pub async fn do_work(work: Work, pause: Duration) {
    match work {
        Work::Async => tokio::time::sleep(pause).await,
        // The mistake: no `.await`, so this task never yields. Its thread is stuck here for
        // the whole pause, and every task waiting for that thread waits with it.
        Work::Blocking => std::thread::sleep(pause),
        Work::Offloaded => {
            // A thread of the blocking pool sleeps; this task waits for it without holding its
            // own thread. The `JoinError` could only say that the closure panicked, and
            // `thread::sleep` does not.
            let _ = tokio::task::spawn_blocking(move || std::thread::sleep(pause)).await;
        }
        Work::Compute => {
            std::hint::black_box(crunch(pause));
        }
        Work::ComputeOffloaded => {
            let _ = tokio::task::spawn_blocking(move || crunch(pause)).await;
        }
    }
}
// ANCHOR_END: work

// ANCHOR: crunch
/// `pause` worth of CPU work: a hash over a buffer, again and again, as a parser or a checksum
/// of a large body would keep the CPU busy. Returns the hash, so that the work cannot be
/// optimised away.
pub fn crunch(pause: Duration) -> u64 {
    let started = Instant::now();
    let buffer = [0x5a_u8; 4096];
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    while started.elapsed() < pause {
        for &byte in &buffer {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}
// ANCHOR_END: crunch

/// One request of a batch: when its task started, when its answer was in (as seen by the task:
/// a task that cannot run learns of its answer late), and when its work was done, all measured
/// from the start of the batch.
#[derive(Debug)]
pub struct Timed {
    pub id: u64,
    pub started: Duration,
    pub answered: Duration,
    pub finished: Duration,
    pub outcome: Result<(), reqwest::Error>,
}

/// A whole batch: its requests in the order of the ids, how long it took, and the longest
/// gap the heartbeat saw.
#[derive(Debug)]
pub struct Batch {
    pub requests: Vec<Timed>,
    pub elapsed: Duration,
    pub longest_gap: Duration,
}

impl Batch {
    /// How many requests got an answer that was not an error.
    pub fn successes(&self) -> usize {
        self.requests.iter().filter(|r| r.outcome.is_ok()).count()
    }

    /// The longest a task waited for its answer, as the task saw it: the server's latency, plus
    /// however long the task could not run because the thread was busy with someone's work.
    pub fn slowest_answer(&self) -> Duration {
        self.requests
            .iter()
            .map(|timed| timed.answered.saturating_sub(timed.started))
            .max()
            .unwrap_or_default()
    }
}

// ANCHOR: batch
/// Fetches `/posts/{id}` for every id, each in a task of its own, and does `pause` worth of
/// `work` after each answer.
///
/// Each request is a spawned task, as a real program's would be, so that on a runtime with
/// several worker threads the tasks can run in parallel: that is what makes the difference
/// between one blocked thread and a blocked runtime.
pub async fn batch(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    work: Work,
    pause: Duration,
) -> Batch {
    let origin = Instant::now();
    let heartbeat = Heartbeat::start(HEARTBEAT_PERIOD);
    let tasks: Vec<JoinHandle<Timed>> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let started = origin.elapsed();
                let outcome = fetch(&client, &url).await;
                let answered = origin.elapsed();
                // The work is on the answer: a request that failed has none to work on.
                if outcome.is_ok() {
                    do_work(work, pause).await;
                }
                Timed {
                    id,
                    started,
                    answered,
                    finished: origin.elapsed(),
                    outcome,
                }
            })
        })
        .collect();
    let requests = join_all(tasks)
        .await
        .into_iter()
        // A task only fails to join if it panicked; pass the panic on rather than hide it.
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect();
    Batch {
        requests,
        elapsed: origin.elapsed(),
        longest_gap: heartbeat.stop(),
    }
}
// ANCHOR_END: batch

/// The request itself: a GET whose answer must be a success; the body is read and dropped.
async fn fetch(client: &Client, url: &str) -> Result<(), reqwest::Error> {
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    Ok(())
}

// ANCHOR: reqwest_blocking
/// What happened when async code called `reqwest::blocking`.
#[derive(Debug)]
pub enum BlockingClientInAsync {
    /// It panicked, with this message (reqwest's check, in a debug build).
    Panicked(String),
    /// It worked, and held the runtime's thread for this long (a release build, where the
    /// check is compiled out).
    Blocked(Duration),
}

/// Calls `reqwest::blocking` from inside a task, as a program ported line by line from
/// `requests` might, and reports what happened.
///
/// The blocking client runs an async client on a thread of its own and waits for it. In a
/// debug build it first checks that it is not inside an async runtime, by building and dropping
/// a small runtime of its own, and tokio refuses to drop a runtime there: a panic. In a release
/// build nothing checks, and the call simply holds the thread until its answer is in.
pub async fn reqwest_blocking_inside_async(url: String) -> BlockingClientInAsync {
    let task = tokio::spawn(async move {
        let started = Instant::now();
        let client = reqwest::blocking::Client::new();
        // The answer does not matter here, only where the waiting happens.
        let _ = client.get(url).send();
        drop(client);
        started.elapsed()
    });
    match task.await {
        Ok(blocked) => BlockingClientInAsync::Blocked(blocked),
        Err(err) if err.is_panic() => {
            let panic = err.into_panic();
            let message = panic
                .downcast_ref::<&str>()
                .map(|text| (*text).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(a panic without a message)".to_owned());
            BlockingClientInAsync::Panicked(message)
        }
        Err(err) => BlockingClientInAsync::Panicked(err.to_string()),
    }
}
// ANCHOR_END: reqwest_blocking

/// How often the heartbeat ticks.
pub const HEARTBEAT_PERIOD: Duration = Duration::from_millis(10);

// ANCHOR: heartbeat
/// A task that ticks every `period` and remembers the longest time between two ticks.
///
/// On a runtime that is free, the gaps stay close to `period`. A gap of 300 ms means that for
/// 300 ms no thread of the runtime got round to this task: something held them. It is the
/// cheapest blocking detector there is, and the one this lesson's checks use.
pub struct Heartbeat {
    origin: Instant,
    /// When the last tick ran, in µs since `origin`, and the longest gap between two ticks.
    last_tick: Arc<AtomicU64>,
    longest: Arc<AtomicU64>,
    task: JoinHandle<()>,
}

impl Heartbeat {
    pub fn start(period: Duration) -> Heartbeat {
        let origin = Instant::now();
        let (last_tick, longest) = (Arc::new(AtomicU64::new(0)), Arc::new(AtomicU64::new(0)));
        let task = tokio::spawn({
            let (last_tick, longest) = (Arc::clone(&last_tick), Arc::clone(&longest));
            async move {
                loop {
                    tokio::time::sleep(period).await;
                    let now = micros_since(origin);
                    let gap = now.saturating_sub(last_tick.swap(now, Ordering::Relaxed));
                    longest.fetch_max(gap, Ordering::Relaxed);
                }
            }
        });
        Heartbeat {
            origin,
            last_tick,
            longest,
            task,
        }
    }

    /// Stops the heartbeat and returns the longest gap it saw, the one still open included: a
    /// runtime blocked until the very end may never have let the last tick run.
    pub fn stop(self) -> Duration {
        self.task.abort();
        let open = micros_since(self.origin).saturating_sub(self.last_tick.load(Ordering::Relaxed));
        Duration::from_micros(self.longest.load(Ordering::Relaxed).max(open))
    }
}

fn micros_since(origin: Instant) -> u64 {
    u64::try_from(origin.elapsed().as_micros()).unwrap_or(u64::MAX)
}
// ANCHOR_END: heartbeat

/// Draws one text line per request on a common time scale: `·` while the task waits for its
/// answer, `█` while it works (`x` for a request that failed), from its start to its end.
pub fn timeline_bars(batch: &Batch, span: Duration, width: usize) -> Vec<String> {
    let span = span.as_secs_f64().max(f64::EPSILON);
    let column = |at: Duration| ((at.as_secs_f64() / span * width as f64) as usize).min(width);
    batch
        .requests
        .iter()
        .map(|timed| {
            let start = column(timed.started).min(width - 1);
            let answered = column(timed.answered).max(start);
            let end = column(timed.finished).max(answered + 1).min(width);
            let answered = answered.min(end);
            let work = if timed.outcome.is_ok() { "█" } else { "x" };
            format!(
                "{}{}{}{}",
                " ".repeat(start),
                "·".repeat(answered - start),
                work.repeat(end - answered),
                " ".repeat(width - end)
            )
        })
        .collect()
}
