//! Wrong: breaks "all of them in flight together, not one after another"
//! It runs the requests through `buffered(16)`: at most sixteen in flight, results still in
//! the order of `ids`. The learner took the chapter's "Unbounded concurrency" pitfall to heart
//! and put the bound in the code, as its stream example does, only with a roomier cap. With
//! sixteen ids or fewer every request is in flight at once and nothing differs; with more, the
//! seventeenth waits for a slot, so the peak in flight the server sees stops at 16.

use futures::stream::{self, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// The most requests this function keeps open at once, so that a long `ids` does not open a
/// connection per id in the same instant.
const MAX_IN_FLIGHT: usize = 16;

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
    stream::iter(ids.iter().copied())
        .map(|id| async move { (id, count_comments(client, base_url, id).await) })
        // `buffered`, not `buffer_unordered`: the pairs come out in the order of `ids`.
        .buffered(MAX_IN_FLIGHT)
        .collect()
        .await
}
