//! Correct: the pipelines (GET, status, raw bytes on the runtime, then the digest) are driven by a
//! `FuturesUnordered` of `(position, result)` pairs and each result is put in its own slot, so the
//! order of `ids` comes from the positions, not from the order the answers finish in; the digest
//! goes to the blocking pool through a `runtime::Handle` taken once at the start of the call
//! (`Handle::spawn_blocking`) rather than the free function, and the status is checked with
//! `error_for_status_ref` before the body is touched. An empty `ids` gives an empty `Vec` (the loop
//! ends at once).

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;
use tokio::runtime::Handle;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let runtime = Handle::current();
    let mut running: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(position, id)| {
            let url = format!("{base_url}/posts/{id}");
            let runtime = runtime.clone();
            async move {
                let outcome: Result<u64, reqwest::Error> = async move {
                    let response = client.get(url).send().await?;
                    response.error_for_status_ref()?;
                    let body = response.bytes().await?;
                    let digested = runtime.spawn_blocking(move || digest(&body)).await;
                    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
                }
                .await;
                (position, outcome)
            }
        })
        .collect();

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some((position, outcome)) = running.next().await {
        slots[position] = Some(outcome);
    }
    // Every position was filled exactly once by its own pipeline.
    slots.into_iter().flatten().collect()
}
