//! Wrong: "an error status" must give `Err(err)` carrying it; this treats a 404 as "this post has no comments" and returns `Ok(0)`. Every other error status (500, 503, 403...) is still an `Err` with its status, so a check whose only failing status is a 5xx passes it.

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
        .await?;
    // No comments resource for this post: that simply means nobody commented on it.
    if response.status() == StatusCode::NOT_FOUND {
        return Ok(0);
    }
    let comments: Vec<Comment> = response.error_for_status()?.json().await?;
    Ok(comments.len())
}
