//! Wrong: breaks "`(id, Ok(n))`, `n` the number of comments in the list the server sent" (and "a body that is not a list of comments" is an `Err`): a 204 No Content, which sends no list at all, is counted as `Ok(0)`; every other answer is decoded as `Vec<Comment>` and counted, error statuses carry their status, and the requests, concurrency and order are right.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::{Client, StatusCode};

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    // One future per entry, each remembering its id; `join_all` keeps the order of `ids`.
    let requests = ids
        .iter()
        .map(|&id| async move { (id, count_comments(client, base_url, id).await) });
    join_all(requests).await
}

/// How many comments post `id` has.
async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?;

    // Plenty of REST APIs answer an empty collection with 204 No Content instead of `[]`:
    // then there is nothing to decode, and nothing to count.
    if response.status() == StatusCode::NO_CONTENT {
        return Ok(0);
    }

    let comments: Vec<Comment> = response.json().await?;
    Ok(comments.len())
}
