//! Correct: the pipelines run together in a `FuturesUnordered` and their results are kept sorted by
//! position as they finish (each inserted at `partition_point` of its index, a binary search, not
//! at its raw index), then stripped of their positions; no slots of `Option`, no sort at the end.

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut pending: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(index, id)| async move {
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
            (index, result)
        })
        .collect();

    // Always sorted by position: each newcomer goes after every position smaller than its own.
    let mut done: Vec<(usize, Result<u64, reqwest::Error>)> = Vec::with_capacity(ids.len());
    while let Some((index, result)) = pending.next().await {
        let at = done.partition_point(|(earlier, _)| *earlier < index);
        done.insert(at, (index, result));
    }
    done.into_iter().map(|(_, result)| result).collect()
}
