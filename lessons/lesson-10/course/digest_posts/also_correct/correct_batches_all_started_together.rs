//! Correct: the ids are cut into batches of 16 (`slice::chunks`), each batch a `join_all` of its pipelines, and the batches themselves joined by an outer `join_all` and flattened in order: unlike `batches_of_fifty`, no batch waits for another, so every request is in flight together and each body is digested as soon as it is in
//!
//! The batching a learner reaches for first, made harmless: the outer `join_all` polls every
//! batch, and every batch polls every pipeline in it, from the first poll on. `chunks(16)`
//! never gets a zero size, and no ids give no batches and an empty result.

use futures::future::join_all;
use reqwest::Client;

/// How many pipelines one inner `join_all` holds; it limits nothing.
const BATCH: usize = 16;

async fn fetch(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
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
    let batches = ids
        .chunks(BATCH)
        .map(|batch| join_all(batch.iter().map(|&id| fetch(client, base_url, id, digest))));
    join_all(batches).await.into_iter().flatten().collect()
}
