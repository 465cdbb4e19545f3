//! Wrong: breaks "all of them in flight together": each request waits `index × 40 ms` before it is sent ("be polite to the server"), so the requests start one after another on a schedule; with answers slower than the stagger they still overlap, so a peak-in-flight count can look fine.
//! Exercise 3: count the comments of many posts at once (warm-up: `async move`).
//!
//! `comment_counts` asks for the comments of every post in `ids`, all at once, and pairs each id
//! with how many comments its post has.

use std::time::Duration;

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

/// A small gap between two requests, so that a burst of ids does not hit the server all at once.
const STAGGER: Duration = Duration::from_millis(40);

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let requests = ids.iter().enumerate().map(|(index, &id)| async move {
        // Spread the start of the requests a little: the n-th one leaves n × STAGGER later.
        let delay = STAGGER * u32::try_from(index).unwrap_or(u32::MAX);
        tokio::time::sleep(delay).await;
        (id, count_comments(client, base_url, id).await)
    });
    join_all(requests).await
}
