//! Correct: the positions of `ids` are grouped by id (first seen first), the way `repeated_run_asked_once` and
//! the coalescing answers start, but nothing is shared: each distinct id gets an async block that runs one
//! pipeline per copy with `join_all` (every copy asked, all in flight with every other request, each copy's
//! body digested on the blocking pool as soon as it is in, never waiting for its twin), and the results are
//! put back in the order of `ids` by their positions.

use futures::future::join_all;
use reqwest::Client;

async fn one_post(
    client: &Client,
    url: &str,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client.get(url).send().await?.error_for_status()?;
    let body = response.bytes().await?;
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
    // (id, positions), in the order each id first appears.
    let mut groups: Vec<(u64, Vec<usize>)> = Vec::new();
    for (position, &id) in ids.iter().enumerate() {
        match groups.iter_mut().find(|(seen, _)| *seen == id) {
            Some((_, positions)) => positions.push(position),
            None => groups.push((id, vec![position])),
        }
    }

    let per_id = groups.into_iter().map(|(id, positions)| async move {
        let url = format!("{base_url}/posts/{id}");
        let url = url.as_str();
        let copies = positions
            .into_iter()
            .map(|position| async move { (position, one_post(client, url, digest).await) });
        join_all(copies).await
    });

    let mut placed: Vec<(usize, Result<u64, reqwest::Error>)> =
        join_all(per_id).await.into_iter().flatten().collect();
    placed.sort_by_key(|(position, _)| *position);
    placed.into_iter().map(|(_, result)| result).collect()
}
