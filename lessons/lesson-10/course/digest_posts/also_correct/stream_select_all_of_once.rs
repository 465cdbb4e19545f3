//! Correct: each entry is a one-item stream (`stream::once` of its pipeline: GET, status and raw
//! bytes on the runtime, then the digest awaited on `spawn_blocking`), tagged with its position,
//! and `stream::select_all` merges them, polling every one together; each result is put in the slot
//! of its position as it comes, so the order of `ids` is kept.

use futures::stream::{self, StreamExt};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let pipelines = ids.iter().enumerate().map(|(position, &id)| {
        stream::once(Box::pin(async move {
            let result = async {
                let body = client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
                Ok::<u64, reqwest::Error>(
                    digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
                )
            }
            .await;
            (position, result)
        }))
    });
    let mut merged = stream::select_all(pipelines);
    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some((position, result)) = merged.next().await {
        slots[position] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every position ends with a result"))
        .collect()
}
