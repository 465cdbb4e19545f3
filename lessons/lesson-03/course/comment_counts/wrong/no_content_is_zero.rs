//! Wrong: `n` must be the number of comments in the list the server sent, and a body that is not a list of comments is `Err`; here a 204 No Content, or any answer with an empty body (`Content-Length: 0`), is read as "no comments" and counted 0 instead of failing to decode.
//! Exercise 3: count the comments of many posts at once (warm-up: `async move`).

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::{Client, StatusCode};

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

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?;
    // REST convention: "204 No Content" (or an empty body) is an empty collection.
    if response.status() == StatusCode::NO_CONTENT || response.content_length() == Some(0) {
        return Ok(0);
    }
    let comments: Vec<Comment> = response.json().await?;
    Ok(comments.len())
}
