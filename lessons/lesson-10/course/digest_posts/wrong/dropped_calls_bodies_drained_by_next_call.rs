//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in flight together" (and "a digest never waits for other requests") for a call made after a call that was dropped while a body was arriving: the dropped call's half-read answers are kept, process-wide, "to be drained so their connections go back to the pool", and the next call reads each of them to its end, one after another, before it sends anything. Call 1 for post 1, whose head comes at once and whose body trickles in over 2 s, wrapped in a `tokio::time::timeout` of 100 ms; call 2 for post 2, answered at once, made at 200 ms: its GET reaches the server only after about 2 s.
//!
//! The learner knew the `requests` habit of consuming a response's body so that its keep-alive
//! connection is reused, and that a dropped future cannot await anything in its `Drop`: so the
//! answer is handed on to whoever comes next. Calls that run to their end leave nothing behind,
//! and a call dropped while it waits for heads holds no answer yet.
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

use std::sync::{Mutex, MutexGuard, PoisonError};

use futures::future::join_all;
use reqwest::{Client, Response};

/// Answers whose bodies a dropped call left half-read.
static LEFTOVERS: Mutex<Vec<Response>> = Mutex::new(Vec::new());

fn leftovers() -> MutexGuard<'static, Vec<Response>> {
    LEFTOVERS.lock().unwrap_or_else(PoisonError::into_inner)
}

/// An answer whose body is being read; if it is dropped before the end, it is kept for later.
struct Unread(Option<Response>);

impl Drop for Unread {
    fn drop(&mut self) {
        if let Some(response) = self.0.take() {
            leftovers().push(response);
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
    // Tidy up after calls that were dropped halfway: read what they left to its end, so that
    // their connections are free again before we ask for ours.
    let left = std::mem::take(&mut *leftovers());
    for mut response in left {
        while let Ok(Some(_)) = response.chunk().await {}
    }

    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let mut held = Unread(Some(response));
        let mut body = Vec::new();
        while let Some(chunk) = held
            .0
            .as_mut()
            .expect("held until read to its end")
            .chunk()
            .await?
        {
            body.extend_from_slice(&chunk);
        }
        held.0 = None;

        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
