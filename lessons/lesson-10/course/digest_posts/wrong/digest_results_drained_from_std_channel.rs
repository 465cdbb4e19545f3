//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running (tokio's blocking pool, or threads of your own, awaited without blocking)" for a call whose digests are still running when its last answer is in (bodies in at once, a `digest` that blocks for 300 ms: on a current-thread runtime, a heartbeat stops for those 300 ms)
//! Fire and forget, then collect: each pipeline hands its body to `spawn_blocking` without
//! awaiting it, and the blocking closure sends `(place, value)` into a `std::sync::mpsc`
//! channel; once `join_all` has every request done, the call drains that channel with
//! `rx.iter()` until the last digest's sender is gone. The digests start as soon as their
//! bodies are in and run together on the blocking pool, and the results are right; but the
//! final drain is a blocking `recv` on the runtime's thread, held until the slowest digest ends.
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

use std::sync::mpsc;

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (done, finished) = mpsc::channel::<(usize, u64)>();
    let each = ids.iter().enumerate().map(|(place, id)| {
        let done = done.clone();
        async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            // Started now, on the blocking pool; its value comes back on the channel.
            drop(tokio::task::spawn_blocking(move || {
                let _ = done.send((place, digest(&body)));
            }));
            Ok::<(), reqwest::Error>(())
        }
    });
    let fetched = join_all(each).await;
    drop(done);

    // Every request is over: gather the digests as they finish.
    let mut values = vec![None; ids.len()];
    for (place, value) in finished.iter() {
        values[place] = Some(value);
    }
    fetched
        .into_iter()
        .zip(values)
        .map(|(fetched, value)| fetched.map(|()| value.unwrap_or_default()))
        .collect()
}
