//! Wrong: breaks "the digests of different posts run at the same time" for a `digest` that was quick on every body of an earlier call and is slow on some body of a later one (a `digest` that returns at once for bodies under 1 KiB and blocks 300 ms for larger ones: a first call of small posts, then a call of two 2 KiB posts answered at once: the second digest starts 300 ms after the first)
//!
//! `spawn_blocking` costs more than a digest that takes microseconds, so the answer learns, per
//! `digest` function (its address), how long it takes: a function that has never taken 2 ms or
//! more on any body, over a whole call, is "fast", and from then on its digests go to one
//! process-wide `std::thread` that runs them one after another (never the runtime's thread,
//! awaited through a oneshot). A function seen slow even once goes back to the blocking pool for
//! good. Quick digests, called any number of times, never touch the runtime's thread, and a
//! function slow from its first call (a 300 ms parse, digests that wait for each other) always
//! runs side by side; only a function that was fast first and turns slow later takes turns.
//!
//! Exercise 15: digest many posts, without blocking the runtime.
//!
//! `digest_posts(client, base_url, ids, digest)` fetches every post in `ids` at once and hands
//! each answer's body to `digest`. `digest` is a *blocking* function: it may take a long time and
//! waits without `.await` (think of a hash of a large body, a parser, a call into a synchronous
//! library). Contract:
//! - one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in
//!   flight together, its URL made by appending to `base_url`, which may end in a path such as
//!   `/api` that must be kept, through `client`; the requests, their bodies included, are sent
//!   and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your
//!   own (a blocking thread held for a request, or while a body arrives, is one fewer for
//!   blocking work);
//! - a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again),
//!   goes to `digest` once, as soon as that body is in: a digest never waits for other requests;
//! - `digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks
//!   keep running, and the digests of different posts run at the same time (tokio's blocking
//!   pool, or threads of your own, awaited without blocking);
//! - the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed
//!   (an error status, any 4xx or 5xx: the error then carries it; a failed connection), and then
//!   `digest` is not called; any other status (a 3xx the client does not follow, say a 300) is an
//!   answer like a 200; a slow answer is waited for, with no time limit of your own (the
//!   client's timeouts, set by whoever built it, are the limit);
//! - no panic: `digest` itself never panics.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex, PoisonError, mpsc};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// A digest that takes less than this is not worth a thread of the pool.
const QUICK: Duration = Duration::from_millis(2);

/// `digest` functions (by address) that were quick on every body of a whole call.
static FAST: LazyLock<Mutex<HashSet<usize>>> = LazyLock::new(|| Mutex::new(HashSet::new()));
/// `digest` functions (by address) seen slow at least once.
static SLOW: LazyLock<Mutex<HashSet<usize>>> = LazyLock::new(|| Mutex::new(HashSet::new()));

type Job = Box<dyn FnOnce() + Send>;

/// One thread for quick digests, which run there one after another.
static QUICK_LANE: LazyLock<Mutex<mpsc::Sender<Job>>> = LazyLock::new(|| {
    let (jobs, queue) = mpsc::channel::<Job>();
    let _ = std::thread::Builder::new()
        .name("quick-digests".into())
        .spawn(move || {
            for job in queue {
                job();
            }
        });
    Mutex::new(jobs)
});

fn note_slow(key: usize) {
    FAST.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .remove(&key);
    SLOW.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key);
}

async fn run_digest(
    key: usize,
    body: Vec<u8>,
    digest: fn(&[u8]) -> u64,
    saw_slow: Arc<AtomicBool>,
) -> u64 {
    let timed = move || {
        let started = Instant::now();
        let value = digest(&body);
        if started.elapsed() >= QUICK {
            saw_slow.store(true, Ordering::Relaxed);
            note_slow(key);
        }
        value
    };

    let fast = FAST
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .contains(&key);
    if fast {
        let (reply, answer) = oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = reply.send(timed());
        });
        let sent = QUICK_LANE
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .send(job);
        if let Err(mpsc::SendError(job)) = sent {
            // The lane is gone (it never is): run the job on the pool instead.
            drop(tokio::task::spawn_blocking(job));
        }
        return answer
            .await
            .expect("a digest job always replies: `digest` never panics");
    }
    let digested = tokio::task::spawn_blocking(timed).await;
    digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let key = digest as usize;
    let saw_slow = Arc::new(AtomicBool::new(false));

    let each = ids.iter().map(|id| {
        let saw_slow = Arc::clone(&saw_slow);
        async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            Ok(run_digest(key, body.to_vec(), digest, saw_slow).await)
        }
    });
    let results: Vec<Result<u64, reqwest::Error>> = join_all(each).await;

    // A whole call with no slow digest: this function is quick, unless it was ever slow.
    let digested_any = results.iter().any(Result::is_ok);
    if digested_any
        && !saw_slow.load(Ordering::Relaxed)
        && !SLOW
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(&key)
    {
        FAST.lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key);
    }
    results
}
