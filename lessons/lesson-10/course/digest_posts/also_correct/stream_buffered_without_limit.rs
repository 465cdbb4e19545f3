//! Correct: the pipelines go through `StreamExt::buffered(usize::MAX)`, "no limit" spelled as the
//! largest limit there is, so every request is in flight at once and the results come out in the
//! order of `ids` (an empty `ids` ends at once: the stream is done and nothing is buffered). Each
//! pipeline is a named `async fn`; the body is copied into a `Vec<u8>` (the same bytes) and the
//! digest awaited on `spawn_blocking`, its `JoinError` matched rather than unwrapped.

use futures::stream::{self, StreamExt};
use reqwest::Client;

async fn one_post(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    let response = response.error_for_status()?;
    let body: Vec<u8> = response.bytes().await?.to_vec();
    match tokio::task::spawn_blocking(move || digest(&body)).await {
        Ok(value) => Ok(value),
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    stream::iter(ids.iter().copied())
        .map(|id| one_post(client, base_url, id, digest))
        .buffered(usize::MAX)
        .collect()
        .await
}
