//! Correct: the fix for `dense_table_indexed_by_id`: results still come back as they finish, tagged with
//! their id and copy number (a `FuturesUnordered`, each digest started the moment its body is in, on the
//! blocking pool), and are put back in the order of `ids` through a `HashMap` from each id to its
//! positions, which takes any `u64` (0, `u64::MAX`, ids far apart) and every repeat exactly where it is
//! listed.

use std::collections::HashMap;

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// One post: GET on the runtime, status checked, raw bytes, digest on the blocking pool.
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
    // The positions of each id in `ids`, in order; a request is tagged (id, which copy).
    let mut positions: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut tags = Vec::with_capacity(ids.len());
    for (index, &id) in ids.iter().enumerate() {
        let cell = positions.entry(id).or_default();
        tags.push((id, cell.len()));
        cell.push(index);
    }

    let mut running: FuturesUnordered<_> = tags
        .into_iter()
        .map(|(id, copy)| async move {
            let result = fetch_and_digest(client, format!("{base_url}/posts/{id}"), digest).await;
            (id, copy, result)
        })
        .collect();

    let mut results: Vec<Option<Result<u64, reqwest::Error>>> =
        (0..ids.len()).map(|_| None).collect();
    while let Some((id, copy, result)) = running.next().await {
        if let Some(&position) = positions.get(&id).and_then(|cell| cell.get(copy)) {
            results[position] = Some(result);
        }
    }
    results
        .into_iter()
        .map(|result| result.expect("every position gets its result"))
        .collect()
}
