//! Wrong: breaks "an error status (the error then carries it)"
//! It notes the status error with `error_for_status_ref`, then reads and decodes the body
//! anyway, "so the connection is drained and goes back to the pool", and only returns the
//! status error once the body has decoded. The `?` on the decode comes first: an error status
//! whose body is not a list of comments (`{}`, an error page, an empty body: nearly all of
//! them) gives back the *decode* error, whose `status()` is `None`. It is still an `Err`, and
//! an error status whose body happens to be a comment list still carries its status, so a
//! check that only asks `is_err()` passes.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?;
    // Remember a 4xx/5xx, but read the body either way: an unread body keeps the connection
    // from being reused.
    let status_error = response.error_for_status_ref().err();
    let comments: Vec<Comment> = response.json().await?;
    match status_error {
        Some(err) => Err(err),
        None => Ok(comments.len()),
    }
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
