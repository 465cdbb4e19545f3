//! Wrong: breaks "a slow answer is waited for, with no time limit of your own (the client's timeouts, set by whoever built it, are the limit)" for a call made after an earlier call to the same `base_url` was answered quickly: the slowest answer seen from each base is kept for the whole process, and every later request to that base gets a time limit of ten times it, 500 ms at least. Call 1 for post 1 answered at once, then call 2 with the same base for post 2 answered after 2 s: post 2 is a timeout `Err` after 500 ms (on a runtime whose clock is paused, at once), though the client has no timeout.
//!
//! The learner ported the "adaptive timeout" of TCP's retransmission timer: a server that
//! usually answers in milliseconds and has not answered in a second has probably hung, so
//! stop waiting. A first call to a base has nothing learned and waits like the reference, and
//! every check that uses a new server (a new port, so a new base) for its slow answer passes.
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

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// A request may take this many times the slowest answer its base has given so far...
const SLACK: u32 = 10;
/// ...but never less than this.
const FLOOR: Duration = Duration::from_millis(500);

/// The slowest answer (head and body) each base has given, for the whole process.
fn slowest_answers() -> &'static Mutex<HashMap<String, Duration>> {
    static SLOWEST: OnceLock<Mutex<HashMap<String, Duration>>> = OnceLock::new();
    SLOWEST.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let learned = slowest_answers()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(base_url)
        .copied();

    let each = ids.iter().map(|id| async move {
        let mut request = client.get(format!("{base_url}/posts/{id}"));
        if let Some(slowest) = learned {
            request = request.timeout((slowest * SLACK).max(FLOOR));
        }
        let started = Instant::now();
        let body = request.send().await?.error_for_status()?.bytes().await?;
        let took = started.elapsed();
        {
            let mut slowest = slowest_answers()
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let seen = slowest.entry(base_url.to_owned()).or_insert(took);
            if took > *seen {
                *seen = took;
            }
        }

        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
