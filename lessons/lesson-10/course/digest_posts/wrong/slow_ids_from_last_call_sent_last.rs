//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in flight together" for a call that asks a post whose answer, in an earlier call, took longer than 500 ms (call 1: post 7 held 800 ms; call 2: `[7, 1]`, post 1 held 300 ms: the server sees `/posts/7` only after post 1's body is in, 300 ms late)
//!
//! State kept between calls to be "kind to the fast posts": a process-wide set of URLs whose last
//! answer (from send to body in) took over 500 ms. A later call sends those only once every other
//! entry of the call has its body in, so the slow ones don't hold connections the fast ones could
//! use. A learner writes it after watching one slow endpoint in a dashboard; every test made of
//! single calls, or of calls with nothing slow last time, sends everything together.
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

use std::collections::BTreeSet;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::watch;

/// An answer slower than this is sent after the others next time.
const SLOW: Duration = Duration::from_millis(500);

/// URLs whose last answer was slow, across calls.
static SLOW_LAST_TIME: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

fn was_slow(url: &str) -> bool {
    SLOW_LAST_TIME
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .contains(url)
}

fn remember(url: &str, took: Duration) {
    let mut slow = SLOW_LAST_TIME
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if took > SLOW {
        slow.insert(url.to_owned());
    } else {
        slow.remove(url);
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let urls: Vec<String> = ids
        .iter()
        .map(|id| format!("{base_url}/posts/{id}"))
        .collect();
    let slow: Vec<bool> = urls.iter().map(|url| was_slow(url)).collect();
    let fast_count = slow.iter().filter(|slow| !**slow).count();
    // How many fast entries still wait for their body.
    let (fast_left_tx, fast_left_rx) = watch::channel(fast_count);
    let fast_left_tx = &fast_left_tx;

    let each = urls.iter().zip(slow).map(|(url, was_slow)| {
        let mut fast_left = fast_left_rx.clone();
        async move {
            if was_slow {
                // Slow last time: let the fast ones have the connections first.
                loop {
                    let left = *fast_left.borrow_and_update();
                    if left == 0 || fast_left.changed().await.is_err() {
                        break;
                    }
                }
            }
            let started = Instant::now();
            let body: Result<_, reqwest::Error> = async {
                client
                    .get(url.as_str())
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await
            }
            .await;
            remember(url, started.elapsed());
            if !was_slow {
                fast_left_tx.send_modify(|left| *left -= 1);
            }
            let body = body?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}
