//! Wrong: breaks "no retry": a 429 Too Many Requests is waited out (its Retry-After, else 1 s) and the GET sent once more, so the pair holds the second answer, not the error of the first; a check that never answers 429 cannot see it.

use std::time::Duration;

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

/// How long a 429 asks us to wait: its `Retry-After` in seconds, or one second.
fn retry_after(response: &Response) -> Duration {
    let seconds = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .unwrap_or(1);
    Duration::from_secs(seconds)
}

/// The number of comments of one post.
async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}/comments");
    let mut response = client.get(&url).send().await?;
    // A 429 is not a failure of the post, only the server asking us to slow down: do as it says.
    if response.status() == StatusCode::TOO_MANY_REQUESTS {
        tokio::time::sleep(retry_after(&response)).await;
        response = client.get(&url).send().await?;
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
