//! Wrong: breaks "all of them in flight together": a "polite" cap, `buffered(10)`, keeps at most ten requests in flight, so an `ids` longer than ten goes out in waves; with ten ids or fewer it is indistinguishable from `join_all`.
//!
//! The learner read the chapter's "Unbounded concurrency" pitfall and put the bound in their code,
//! with `buffered` rather than `buffer_unordered` so that the pairs stay in the order of `ids`.

use futures::stream::{self, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// At most this many requests in flight at once.
const MAX_IN_FLIGHT: usize = 10;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    stream::iter(ids.iter().copied())
        .map(|id| async move { (id, count_comments(client, base_url, id).await) })
        .buffered(MAX_IN_FLIGHT)
        .collect()
        .await
}

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
