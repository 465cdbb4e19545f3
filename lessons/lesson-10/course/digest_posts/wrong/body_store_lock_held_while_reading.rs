//! Wrong: breaks "a successful answer's body ... goes to `digest` once, as soon as that body is in: a digest never waits for other requests" for a call where one body is slow to follow its head and another answer comes after that head (post 1: head at once, body 1 s later; post 2: answered whole at 100 ms: post 2's digest starts after about 1 s, not 100 ms)
//! The bodies are gathered into one per-call table of buffers (`tokio::sync::Mutex<Vec<Vec<u8>>>`,
//! one buffer per place), and each pipeline locks the table once for its whole body "rather than
//! once per chunk". The GETs all leave together and every answer is read on the runtime, so the
//! server sees them all in flight; but the guard is held across `chunk().await`, so a body that
//! stalls halfway keeps every later body (and its digest) waiting for the lock. With bodies that
//! arrive whole, as on a quick manual test, nothing can be seen.
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

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Mutex;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // One buffer per place in `ids`, filled as the bodies come.
    let buffers: Mutex<Vec<Vec<u8>>> = Mutex::new(vec![Vec::new(); ids.len()]);
    let buffers = &buffers;
    let each = ids.iter().enumerate().map(|(place, id)| async move {
        let mut response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // Lock once for the whole body, not once per chunk.
        let mut table = buffers.lock().await;
        while let Some(chunk) = response.chunk().await? {
            table[place].extend_from_slice(&chunk);
        }
        let body = std::mem::take(&mut table[place]);
        drop(table);
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
