//! Correct, written another way: a `FuturesOrdered` stream (every future polled at once, outputs yielded in the order they were pushed) collected into the `Vec`, instead of `join_all`; the count is `Result::map` over the decoded `Vec<Comment>`.

use futures::stream::{FuturesOrdered, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let in_flight: FuturesOrdered<_> = ids
        .iter()
        .map(|&id| async move { (id, count_comments(client, base_url, id).await) })
        .collect();
    in_flight.collect::<Vec<_>>().await
}

/// How many comments post `id` has.
async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?;
    response
        .json::<Vec<Comment>>()
        .await
        .map(|comments| comments.len())
}
