//! Correct: no `async` block at all. A helper `async fn` per id gives the futures, and the
//! counts, which `join_all` returns in the order of `ids`, are zipped with the ids afterwards.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let counts = join_all(ids.iter().map(|&id| count(client, base_url, id))).await;
    ids.iter().copied().zip(counts).collect()
}

async fn count(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}/comments");
    let comments = client.get(url).send().await?.error_for_status()?;
    Ok(comments.json::<Vec<Comment>>().await?.len())
}
