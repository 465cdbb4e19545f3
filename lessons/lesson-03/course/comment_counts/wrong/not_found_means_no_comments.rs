//! Wrong: breaks "`(id, Err(err))` when that request failed: an error status (the error then carries it)"
//! A 404 is turned into `Ok(0)`: "a post that does not exist has no comments". The learner has
//! seen that the real API answers `/posts/999/comments` with `200 []`, and reads a server's 404
//! for the same question as the same answer. Every other error status (500, 503, 403, ...)
//! still becomes an `Err` carrying it, so a check that fails a request with a 5xx passes; only
//! a 404 on the comments route shows the mistake.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::{Client, StatusCode};

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?;
    if response.status() == StatusCode::NOT_FOUND {
        // No such post, so no comments on it: the same as the `[]` JSONPlaceholder sends.
        return Ok(0);
    }
    let comments: Vec<Comment> = response.error_for_status()?.json().await?;
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
