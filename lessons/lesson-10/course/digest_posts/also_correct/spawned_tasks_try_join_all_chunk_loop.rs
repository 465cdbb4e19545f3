//! Correct: one `tokio::spawn`ed task per entry (each with a clone of `client`, which shares its
//! connection pool), the body gathered with a `chunk()` loop that runs until the body says it is
//! done (so a chunked body with no `Content-Length` is read whole, and a cut-short one is an
//! `Err`), the digest awaited on `spawn_blocking`; the handles are collected, in the order of
//! `ids`, by `futures::future::try_join_all`, whose only error is a task's panic, passed on.

use futures::future::try_join_all;
use reqwest::Client;

async fn digest_one(
    client: Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let mut response = client.get(url).send().await?.error_for_status()?;
    let mut body: Vec<u8> = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        body.extend_from_slice(&chunk);
    }
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let tasks: Vec<_> = ids
        .iter()
        .map(|id| {
            tokio::spawn(digest_one(
                client.clone(),
                format!("{base_url}/posts/{id}"),
                digest,
            ))
        })
        .collect();
    try_join_all(tasks)
        .await
        .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
}
