//! Correct, written another way: `stream::iter(..).for_each_concurrent(None, ..)` runs one pipeline per position of `ids` (request and body awaited on the runtime, then the digest awaited on `spawn_blocking`), each writing its result into its own slot of a `Mutex<Vec<Option<..>>>` locked only for the store, never across an `.await`.
//! No limit on concurrency: every request is in flight at once, each body is digested as soon as
//! it is in, and the slots keep the order of `ids` whatever the order of completion.

use std::sync::{Mutex, PoisonError};

use futures::stream::{self, StreamExt};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let slots: Mutex<Vec<Option<Result<u64, reqwest::Error>>>> =
        Mutex::new(ids.iter().map(|_| None).collect());
    let slots_ref = &slots;
    stream::iter(ids.iter().copied().enumerate())
        .for_each_concurrent(None::<usize>, move |(pos, id)| async move {
            let result = fetch_and_digest(client, base_url, id, digest).await;
            slots_ref.lock().unwrap_or_else(PoisonError::into_inner)[pos] = Some(result);
        })
        .await;
    slots
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner)
        .into_iter()
        .flatten()
        .collect()
}

/// One post: the request and its body on the runtime, then the digest on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    let body = response.error_for_status()?.bytes().await?;
    match tokio::task::spawn_blocking(move || digest(&body)).await {
        Ok(value) => Ok(value),
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}
