//! Correct: one dispatcher thread shared by every call that is live at the same time, kept alive by reference counting instead of by the call that started it (the fix for `dispatcher_borrowed_from_call_that_ended`): a process-wide `Weak` points at it, each call holds an `Arc` for as long as it runs (or until it is dropped), and when the last `Arc` goes, the dispatcher's channel closes and its thread ends after starting every job already sent; the next call starts a new one
//!
//! The dispatcher starts a `std::thread` for each digest at once, so digests run side by side,
//! never on the runtime's threads, and each pipeline awaits its digest through a tokio oneshot.
//! A job that finds no thread to run on (the OS refused one) falls back to the blocking pool.
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

use std::sync::{Arc, LazyLock, Mutex, PoisonError, Weak, mpsc};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send>;

/// A dispatcher thread; it stops when the last call holding it lets go (its `jobs` closes).
struct Dispatcher {
    jobs: Mutex<mpsc::Sender<Job>>,
}

/// The dispatcher of the calls live now, if any.
static CURRENT: LazyLock<Mutex<Weak<Dispatcher>>> = LazyLock::new(|| Mutex::new(Weak::new()));

fn dispatcher() -> Arc<Dispatcher> {
    let mut current = CURRENT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(live) = current.upgrade() {
        return live;
    }
    let (jobs, queue) = mpsc::channel::<Job>();
    let _ = std::thread::Builder::new()
        .name("digest-dispatcher".into())
        .spawn(move || {
            // Ends when every `Sender` is gone, after the jobs already queued.
            for job in queue {
                // If no thread can be started, the job is dropped and its pipeline falls back.
                let _ = std::thread::Builder::new().name("digest".into()).spawn(job);
            }
        });
    let fresh = Arc::new(Dispatcher {
        jobs: Mutex::new(jobs),
    });
    *current = Arc::downgrade(&fresh);
    fresh
}

async fn digest_off_runtime(
    dispatcher: &Dispatcher,
    body: Vec<u8>,
    digest: fn(&[u8]) -> u64,
) -> u64 {
    let (reply, answer) = oneshot::channel();
    let spare = body.clone();
    let job: Job = Box::new(move || {
        let _ = reply.send(digest(&body));
    });
    let sent = dispatcher
        .jobs
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .send(job)
        .is_ok();
    if sent {
        if let Ok(value) = answer.await {
            return value;
        }
    }
    // No thread of our own for this one: the blocking pool, awaited all the same.
    let digested = tokio::task::spawn_blocking(move || digest(&spare)).await;
    digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let held = dispatcher();
    let shared = &*held;

    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        Ok(digest_off_runtime(shared, body.to_vec(), digest).await)
    });
    join_all(each).await
}
