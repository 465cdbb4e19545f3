//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running, and the digests of different posts run at the same time (tokio's blocking pool, or threads of your own, awaited without blocking)"
//! Each digest runs on a `std::thread` of its own, and since `std::thread::JoinHandle` cannot
//! be `.await`ed, the pipeline waits for it by checking `is_finished()` with a 1 ms
//! `std::thread::sleep` between looks, believing a nap that short "never really blocks", then
//! `.join()`s the finished thread. The loop has no `.await`: the runtime's thread sleeps in it for
//! the digest's whole duration. On a current-thread runtime, a heartbeat stops while a digest
//! runs, and a second post whose body is in cannot start its digest until the first has ended.
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

use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let worker = std::thread::spawn(move || digest(&body));
        // A thread's handle is no future: look every millisecond until it is done.
        while !worker.is_finished() {
            std::thread::sleep(Duration::from_millis(1));
        }
        let value = worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok::<u64, reqwest::Error>(value)
    });
    join_all(each).await
}
