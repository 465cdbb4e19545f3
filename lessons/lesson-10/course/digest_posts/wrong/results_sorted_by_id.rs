//! Wrong: breaks "the result, in the order of `ids`"
//! Every post is its own pipeline (GET on the runtime, status checked, raw bytes, digest on the
//! blocking pool), all of them in a `FuturesUnordered`, so results come out as they finish. Each
//! result is tagged with *its id* ("which post is this for?"), and at the end the learner puts
//! them "back in order" by sorting on that tag. That is the order of `ids` only when `ids` is
//! ascending, as in every example (`1..=N`); for `[9, 3, 5]` the results come back as 3, 5, 9.
//! Repeats are still asked twice and each copy keeps a result (the sort is stable), and every
//! other clause holds, so only a check with ids out of ascending order sees it.

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
        .map(|&id| async move { (id, fetch_and_digest(client, base_url, id, digest).await) })
        .collect();
    let mut done = Vec::with_capacity(ids.len());
    while let Some(tagged) = pending.next().await {
        done.push(tagged);
    }
    // Back in order: the posts were asked by id, so sort the answers by id.
    done.sort_by_key(|(id, _)| *id);
    done.into_iter().map(|(_, result)| result).collect()
}

async fn fetch_and_digest(
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
