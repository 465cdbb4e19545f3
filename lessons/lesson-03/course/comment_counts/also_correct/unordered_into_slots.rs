//! Correct, written another way: each `async move` block carries its position in `ids` and is
//! pushed into a `FuturesUnordered` (all polled at once); the pairs are drained as they finish
//! and put back into their own slot, so the result is in the order of `ids`. The request is
//! built with `RequestBuilder::build` and sent with `Client::execute`, so a `base_url` that is
//! no URL fails at `build` with reqwest's builder error and nothing is sent.

use futures::stream::{FuturesUnordered, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

async fn count_comments(client: &Client, url: String) -> Result<usize, reqwest::Error> {
    let request = client.get(url).build()?;
    let response = client.execute(request).await?.error_for_status()?;
    let comments: Vec<Comment> = response.json().await?;
    Ok(comments.len())
}

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let mut in_flight: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(slot, &id)| {
            let url = format!("{base_url}/posts/{id}/comments");
            async move { (slot, id, count_comments(client, url).await) }
        })
        .collect();

    let mut pairs: Vec<Option<(u64, Result<usize, reqwest::Error>)>> =
        ids.iter().map(|_| None).collect();
    while let Some((slot, id, result)) = in_flight.next().await {
        pairs[slot] = Some((id, result));
    }
    // Every slot was filled: one future per entry, and each one finishes.
    pairs.into_iter().flatten().collect()
}
