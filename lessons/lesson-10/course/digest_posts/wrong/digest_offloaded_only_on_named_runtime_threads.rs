//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running" for a call polled on a runtime thread not named `tokio-runtime-worker` or `main`: any `#[tokio::test]` (its future is driven on the test's own thread, which bears the test's name), or any runtime built with `.thread_name("io")`
//! The digest goes to `spawn_blocking` only when the code believes it runs on a runtime
//! worker, judged by the thread's name (`tokio-runtime-worker`, tokio's default, or `main`,
//! where `#[tokio::main]` drives its future); on any other thread it "is already off the
//! runtime" (a blocking-pool or plain thread) and digests in place to skip a hand-off. A learner
//! writes it to avoid a pointless `spawn_blocking` when called from a worker pool of their
//! own; `cargo run` (main) and calls in `tokio::spawn`ed tasks behave, but a current-thread
//! runtime on a test's thread digests inline and holds its only thread.
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

/// Whether this thread is one of the runtime's: tokio names its workers `tokio-runtime-worker`,
/// and `#[tokio::main]` drives the top-level future on `main`.
fn on_runtime_thread() -> bool {
    matches!(
        std::thread::current().name(),
        Some("tokio-runtime-worker") | Some("main")
    )
}

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
        let value = if on_runtime_thread() {
            tokio::task::spawn_blocking(move || digest(&body))
                .await
                .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
        } else {
            // Not a runtime thread: nothing here to keep free, so no hand-off is needed.
            digest(&body)
        };
        Ok::<u64, reqwest::Error>(value)
    });
    join_all(each).await
}
