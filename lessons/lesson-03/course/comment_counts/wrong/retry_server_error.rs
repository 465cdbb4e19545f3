//! Wrong: breaks "no retry": a 5xx answer is asked once more before giving up; when the server keeps failing the result is the same `Err` with the same status, so only a count of the requests per post shows the second GET.
//!
//! "A 500 is usually a hiccup, try again" is a habit from production code; the contract forbids it.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

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
    let url = format!("{base_url}/posts/{id}/comments");
    let mut response = client.get(&url).send().await?;
    if response.status().is_server_error() {
        // The server hiccuped: one more try before reporting it.
        response = client.get(&url).send().await?;
    }
    let comments: Vec<Comment> = response.error_for_status()?.json().await?;
    Ok(comments.len())
}
