//! Correct: the digest is wrapped in `tokio::task::block_in_place` *inside* `spawn_blocking` ("tell tokio twice that it blocks"): on a thread of the blocking pool, which is no worker and has not entered the runtime, `block_in_place` just runs the closure, on every runtime (current-thread included, where it would panic on the runtime's own thread)
//! So the digest runs on the blocking pool exactly as in the reference; the requests and their
//! bodies stay on the runtime, and the pipelines run together under `join_all`. A check that
//! rejects any answer naming `block_in_place` would reject this one by mistake.

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
        let digested =
            tokio::task::spawn_blocking(move || tokio::task::block_in_place(|| digest(&body)))
                .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
