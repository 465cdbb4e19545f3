//! Correct, written another way: the digests go to the blocking pool of a runtime of their own
//! (a "CPU runtime", built once in a `static` and never dropped), not to the caller's. Its
//! `Runtime::spawn_blocking` runs each digest on a thread of that pool, which holds up to 512
//! threads, so the digests of different posts run side by side, and its `JoinHandle` is awaited
//! from the caller's task like any future, without blocking. The requests, their bodies
//! included, stay on the caller's runtime, one async pipeline per entry of `ids`, all run
//! together by `join_all` and yielded in the order of `ids`; each body is digested the moment it
//! is in. The digest never runs on a thread of the caller's runtime, nor takes a thread from its
//! blocking pool. A check that insists on the caller's blocking pool would reject this.

use std::sync::LazyLock;

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::{Builder, Runtime};

/// A runtime kept for blocking work: its single worker has nothing to do; only its blocking
/// pool is used.
static DIGEST_RUNTIME: LazyLock<Runtime> = LazyLock::new(|| {
    Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("digest-pool")
        .build()
        .unwrap_or_else(|err| panic!("cannot start the digest runtime: {err}"))
});

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(
        ids.iter()
            .map(|&id| fetch_and_digest(client, base_url, id, digest)),
    )
    .await
}

async fn fetch_and_digest(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    let body = response.error_for_status()?.bytes().await?;
    let digested = DIGEST_RUNTIME.spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}
