//! Correct: uses a Rust 2024 async closure (`async |id| { … }`) instead of `async move` blocks, and pairs each result with its id afterwards by zipping with `ids` (same order, since `join_all` keeps the input order); every request is still one GET through `client`, all in flight together.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    // An async closure borrows `client` and `base_url` once; each call gives a future that
    // borrows the closure, which lives until `join_all` is done.
    let count = async |id: u64| -> Result<usize, reqwest::Error> {
        let comments: Vec<Comment> = client
            .get(format!("{base_url}/posts/{id}/comments"))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        Ok(comments.len())
    };
    let counts = join_all(ids.iter().map(|&id| count(id))).await;
    ids.iter().copied().zip(counts).collect()
}
