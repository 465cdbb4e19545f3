//! Lesson 05: bounded concurrency.
//!
//! Lesson 03 sent every request at once with `join_all`. For five posts that is right; for the
//! 5,000 photos of JSONPlaceholder it opens up to 5,000 connections at the same moment, and
//! reqwest will not stop you: its `Client` has no cap on connections (aiohttp's
//! `TCPConnector(limit=100)` has no equivalent). The bound belongs in the calling code. This
//! module has the two standard ways to keep at most `limit` requests in flight:
//!
//! - [`photos_buffer_unordered`]: a stream of request futures with `buffer_unordered(limit)`,
//!   all polled inside the current task. The simple tool, and usually the right one.
//! - [`photos_with_semaphore`]: spawned tasks (`JoinSet`) that each hold a permit of one shared
//!   `Semaphore`. More moving parts, for when the work per item deserves its own task.
//!
//! Both count, on the client's side, how many requests were in flight at once
//! ([`InFlightGauge`]), so a run can show that the bound held. And both stop at a deadline: a
//! bound on requests in flight is not a bound on time. Against a server that accepts and never
//! answers, each request waits out the client's 30-second timeout, and 5,000 photos 50 at a
//! time would take 100 of those waves: 50 minutes. What arrived before the deadline is kept.

pub mod exercises;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use futures::stream::{self, StreamExt};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, timeout_at};

/// One photo's outcome: which id, and the photo or the reason it did not arrive.
#[derive(Debug)]
pub struct Fetched {
    pub id: u64,
    pub photo: Result<Photo, reqwest::Error>,
}

/// The outcome of one bounded run: every id's result in the order they *finished*, how long
/// the whole run took, the most requests that were in flight at once, and how many ids had no
/// outcome yet when the deadline passed.
#[derive(Debug)]
pub struct Run {
    pub fetched: Vec<Fetched>,
    pub elapsed: Duration,
    pub peak_in_flight: usize,
    /// Ids cut off by the deadline: in flight when it passed (their requests were cancelled),
    /// or never started. 0 for a run that finished.
    pub unfinished: usize,
}

impl Run {
    /// Whether the deadline passed before every id had its outcome.
    pub fn cut_short(&self) -> bool {
        self.unfinished > 0
    }

    /// How many photos arrived.
    pub fn successes(&self) -> usize {
        self.fetched.iter().filter(|f| f.photo.is_ok()).count()
    }

    /// The ids that failed with their errors, in the order of the ids.
    pub fn failures(&self) -> Vec<(u64, &reqwest::Error)> {
        let mut failed: Vec<(u64, &reqwest::Error)> = self
            .fetched
            .iter()
            .filter_map(|f| f.photo.as_ref().err().map(|err| (f.id, err)))
            .collect();
        failed.sort_by_key(|&(id, _)| id);
        failed
    }

    /// Photos that arrived, per second of the whole run. (Failures do not count: a refused
    /// connection is fast, and no use.)
    pub fn per_second(&self) -> f64 {
        self.successes() as f64 / self.elapsed.as_secs_f64().max(f64::EPSILON)
    }
}

// ANCHOR: fetch_photo
/// Fetches `/photos/{id}` as a typed [`Photo`].
///
/// # Errors
/// A connection failure, an error status (a missing photo is a 404), or a body that is not a
/// photo.
pub async fn fetch_photo(
    client: &Client,
    base_url: &str,
    id: u64,
) -> Result<Photo, reqwest::Error> {
    client
        .get(format!("{base_url}/photos/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
// ANCHOR_END: fetch_photo

// ANCHOR: in_flight_gauge
/// Counts the requests in flight right now and remembers the most there ever were.
///
/// Each request holds an [`InFlight`] guard while it runs: taking one counts the request in,
/// dropping it (when the request ends, or is cancelled) counts it out. Atomics rather than a
/// `Mutex`, because spawned tasks on other threads update it too.
#[derive(Debug, Default)]
pub struct InFlightGauge {
    now: AtomicUsize,
    peak: AtomicUsize,
}

/// One request counted by an [`InFlightGauge`], for as long as this value lives.
#[derive(Debug)]
pub struct InFlight<'gauge>(&'gauge InFlightGauge);

impl InFlightGauge {
    /// Counts one more request in flight until the returned guard is dropped.
    pub fn enter(&self) -> InFlight<'_> {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        InFlight(self)
    }

    /// The most requests that were in flight at the same time.
    pub fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.now.fetch_sub(1, Ordering::SeqCst);
    }
}
// ANCHOR_END: in_flight_gauge

// ANCHOR: photos_buffer_unordered
/// Fetches every photo in `ids` with at most `limit` requests in flight, as a stream, until
/// all are done or `deadline` passes.
///
/// The results come in the order the requests *finish*. A `limit` of 0 is taken as 1.
pub async fn photos_buffer_unordered(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
    deadline: Instant,
    progress: &ProgressBar,
) -> Run {
    let started = Instant::now();
    let gauge = InFlightGauge::default();
    // A stream of request futures. Like an iterator it is lazy: nothing is built, let alone
    // sent, until something pulls from it.
    let mut finished = stream::iter(ids)
        .map(|&id| {
            let gauge = &gauge;
            async move {
                let _counted = gauge.enter();
                let photo = fetch_photo(client, base_url, id).await;
                Fetched { id, photo }
            }
        })
        // Pulls up to `limit` futures from the stream and polls them together; as each one
        // finishes, its output is handed on and the next future is pulled in its place. So
        // there are always `limit` requests in flight until the ids run out. (`limit` 0 would
        // start nothing and wait forever: hence the `max(1)`.) Its twin, `buffered(limit)`,
        // yields in the order of `ids` instead, by holding early answers back until those
        // before them are out; a held answer keeps its slot, so one slow request stalls it.
        .buffer_unordered(limit.max(1));

    let mut fetched = Vec::with_capacity(ids.len());
    // Each `next().await` gives the next request to finish, whichever it is. The requests in
    // the window make progress only while this loop waits in `next()`: keep its body quick.
    let collect = async {
        while let Some(one) = finished.next().await {
            progress.inc(1);
            fetched.push(one);
        }
    };
    // The whole loop under one deadline. When it passes, `timeout_at` drops the loop, and with
    // it the requests still in the window: in Rust, cancelling a future is dropping it. The
    // photos already pushed stay in `fetched`, which lives outside the loop.
    let _in_time = timeout_at(deadline, collect).await;
    Run {
        unfinished: ids.len() - fetched.len(),
        fetched,
        elapsed: started.elapsed(),
        peak_in_flight: gauge.peak(),
    }
}
// ANCHOR_END: photos_buffer_unordered

// ANCHOR: photos_with_semaphore
/// Fetches every photo in `ids` with at most `limit` requests in flight, one spawned task per
/// photo, each holding a permit of a shared semaphore while it runs, until all are done or
/// `deadline` passes.
///
/// The results come in the order the tasks finish. A `limit` of 0 is taken as 1, and any
/// `limit` above the number of ids (`usize::MAX` too) starts them all.
pub async fn photos_with_semaphore(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
    deadline: Instant,
    progress: &ProgressBar,
) -> Run {
    let started = Instant::now();
    // A spawned task may run on another thread and outlive this function, so the compiler
    // lets it hold no borrow (`tokio::spawn` wants a `'static` future). Everything it uses is
    // either moved in or shared through an `Arc`: cloning an `Arc` only bumps a counter.
    // `limit` 0 would never let a task start, and `Semaphore::new` panics above
    // `Semaphore::MAX_PERMITS` (a `usize::MAX` meant as "no limit"): more permits than ids
    // change nothing, so bring the limit within 1..=ids.len().
    let permits = Arc::new(Semaphore::new(limit.clamp(1, ids.len().max(1))));
    let gauge = Arc::new(InFlightGauge::default());
    let base_url: Arc<str> = Arc::from(base_url);
    let mut tasks = JoinSet::new();
    let mut fetched = Vec::with_capacity(ids.len());

    let spawn_and_collect = async {
        for &id in ids {
            // Wait for a free slot *before* spawning: at most `limit` tasks exist at any time,
            // instead of 5,000 parked ones. `acquire_owned` (on an `Arc<Semaphore>`) gives a
            // permit that owns its share of the semaphore, so it can move into the task; the
            // borrowed permit of `acquire` could not. `Err` only comes from a closed semaphore.
            let permit = Arc::clone(&permits)
                .acquire_owned()
                .await
                .expect("the semaphore is never closed");
            // A `Client` is a handle to one shared connection pool: a clone is cheap and reuses
            // the same connections. (Never build a new `Client` per task.)
            let client = client.clone();
            let base_url = Arc::clone(&base_url);
            let gauge = Arc::clone(&gauge);
            let progress = progress.clone();
            tasks.spawn(async move {
                let photo = {
                    let _counted = gauge.enter();
                    fetch_photo(&client, &base_url, id).await
                };
                progress.inc(1);
                // Dropping the permit gives its slot back, for the loop to hand to the next id.
                drop(permit);
                Fetched { id, photo }
            });
        }
        while let Some(joined) = tasks.join_next().await {
            // A task ends in `Err` only if it panicked (none is aborted while the set is
            // collected): pass the panic on, as if the code had run right here.
            fetched.push(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())));
        }
    };
    // As in `photos_buffer_unordered`: the work under one deadline, dropped when it passes.
    let _in_time = timeout_at(deadline, spawn_and_collect).await;
    // Tasks that finished while the loop above was still waiting for a permit are in the set,
    // uncollected: take them too. Then dropping the `JoinSet` aborts the tasks still running.
    while let Some(joined) = tasks.try_join_next() {
        fetched.push(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())));
    }
    drop(tasks);
    Run {
        unfinished: ids.len() - fetched.len(),
        fetched,
        elapsed: started.elapsed(),
        peak_in_flight: gauge.peak(),
    }
}
// ANCHOR_END: photos_with_semaphore

// ANCHOR: progress_bar
/// A progress bar for `len` photos, drawn on stderr, so that stdout stays clean for the
/// results. When stderr is not a terminal (a pipe, a file, a test) `ProgressDrawTarget::stderr`
/// draws nothing at all, so no escape codes end up in logs.
pub fn progress_bar(len: u64) -> ProgressBar {
    let style = ProgressStyle::with_template(
        "{bar:30.cyan/blue} {pos:>5}/{len} photos  {per_sec:0}  {elapsed_precise}",
    )
    .expect("the template is a valid indicatif template");
    ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr()).with_style(style)
}
// ANCHOR_END: progress_bar

/// One row of the table of limits: a limit and the run made with it.
#[derive(Debug)]
pub struct Row {
    pub limit: usize,
    pub run: Run,
}

/// The limits the table compares for `count` photos: a few steps below `count`, then `count`
/// itself, which is no bound at all (everything at once, like `join_all`).
pub fn limits_to_compare(count: usize) -> Vec<usize> {
    let mut limits: Vec<usize> = [1, 10, 25, 50, 100, 250, 500, 1000]
        .into_iter()
        .filter(|&limit| limit < count)
        .collect();
    limits.push(count);
    limits
}

/// A bar of `width` characters, filled in proportion to `value` out of `full`; at least one
/// character, so that even the smallest value shows.
pub fn proportional_bar(value: f64, full: f64, width: usize) -> String {
    let share = value / full.max(f64::EPSILON);
    // `as usize` truncates and saturates (a negative or NaN share becomes 0); the `clamp`
    // keeps the bar within its box.
    let filled = ((share * width as f64).round() as usize).clamp(1, width);
    format!("{}{}", "█".repeat(filled), " ".repeat(width - filled))
}
