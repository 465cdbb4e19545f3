//! Wrong: breaks "the requests, their bodies included, are sent and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your own"
//! Every pipeline (send, status check, raw bytes, digest on a blocking pool) is spawned on a
//! multi-thread runtime of the function's own, built once in a `static` (the "dedicated I/O
//! runtime" pattern), and the caller only awaits the `JoinHandle`s. A learner writes it after the
//! chapter's current-thread staircase: "if the caller is a `#[tokio::test]`, all my requests
//! share its one thread; give them a runtime with real workers". Nothing blocks the caller's
//! runtime (a `JoinHandle` of another runtime is awaited like any future), all the requests are in
//! flight at once, the digests overlap, the order of `ids` is kept. But every request and every
//! body is sent and read on threads of one's own (the own runtime's workers, named
//! `tokio-runtime-worker` like the caller's), not on the caller's runtime, and the client's
//! connections end up driven by that hidden runtime too.

use std::sync::LazyLock;

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::{Builder, Runtime};

/// A runtime for the network side, with worker threads of its own, whatever the caller runs on.
static NETWORK: LazyLock<Runtime> = LazyLock::new(|| {
    Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime with two workers can be built")
});

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let handles: Vec<_> = ids
        .iter()
        .map(|&id| {
            // A `Client` is an `Arc` inside: the clone shares its connection pool.
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            NETWORK.spawn(fetch_and_digest(client, url, digest))
        })
        .collect();
    join_all(handles)
        .await
        .into_iter()
        // A task only fails to join if it panicked; pass the panic on.
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
}

/// One post: the request and its body awaited, then the digest on the blocking pool.
async fn fetch_and_digest(
    client: Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}
