//! Wrong: breaks "a successful answer's body, exactly as it arrived (...), goes to `digest` once" (and "the result ...: `Ok(digest(body))`") for a post asked by a call made after an earlier call for it was dropped while its digest ran (call 1 for post 1, a `digest` that blocks 500 ms, in a `timeout` of 100 ms; call 2 for post 1 at 600 ms: its GET is sent and its body read, but never digested, and it returns the digest of call 1's body)
//!
//! Work already paid for is not thrown away: a caller that gives up (a timeout) usually asks
//! again, so the digests that a dropped call's blocking threads finish anyway are kept, by URL, in
//! a process-wide table, and the next call that gets an answer for that URL takes the kept value
//! (once) instead of digesting again. It still sends its GET, "to know the post is still there".
//! Without a dropped call, the table stays empty and nothing changes.
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

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// Digests finished for calls whose caller had already gone, by URL.
static LEFTOVERS: Mutex<BTreeMap<String, u64>> = Mutex::new(BTreeMap::new());

/// Raises the call's flag if the call is dropped before it ends.
struct GivenUpUnlessFinished {
    given_up: Arc<AtomicBool>,
    finished: bool,
}

impl Drop for GivenUpUnlessFinished {
    fn drop(&mut self) {
        if !self.finished {
            self.given_up.store(true, Ordering::SeqCst);
        }
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let given_up = Arc::new(AtomicBool::new(false));
    let mut guard = GivenUpUnlessFinished {
        given_up: Arc::clone(&given_up),
        finished: false,
    };

    let each = ids.iter().map(|id| {
        let given_up = Arc::clone(&given_up);
        async move {
            let url = format!("{base_url}/posts/{id}");
            let body = client
                .get(url.as_str())
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            // The post is still there: a digest an abandoned call already made will do.
            let leftover = LEFTOVERS
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .remove(&url);
            if let Some(value) = leftover {
                return Ok(value);
            }
            let digested = tokio::task::spawn_blocking(move || {
                let value = digest(&body);
                if given_up.load(Ordering::SeqCst) {
                    // Nobody is waiting for it now; the retry will be.
                    LEFTOVERS
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .insert(url, value);
                }
                value
            })
            .await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    let results = join_all(each).await;
    guard.finished = true;
    results
}
