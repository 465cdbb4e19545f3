//! Wrong: breaks "an error status (the error then carries it)": only a 404 goes through `error_for_status()`; any other status (a 500, a 503) goes straight to decoding, so it comes back as a decode error with no status in it, or as `Ok(n)` when the error page happens to be a JSON list.
//! Exercise 3: count the comments of many posts at once (warm-up: `async move`).
//!
//! `comment_counts` asks for the comments of every post in `ids`, all at once, and pairs each id
//! with how many comments its post has.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::{Client, StatusCode};

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?;
    // A post that does not exist has no comments to count: report it as the error it is.
    let response = if response.status() == StatusCode::NOT_FOUND {
        response.error_for_status()?
    } else {
        response
    };
    let comments: Vec<Comment> = response.json().await?;
    Ok(comments.len())
}

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let requests = ids
        .iter()
        .map(|&id| async move { (id, count_comments(client, base_url, id).await) });
    join_all(requests).await
}
