//! Correct: the whole request runs in a task of its own, but inside a `JoinSet` owned by the call, and a `JoinSet` aborts its tasks when dropped, so a call whose future is dropped still stops its request; the task uses a clone of the given client (the same pool and settings), and everything else is the lesson's `fetch_json` with the request's own timeout.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinSet;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // A `Client` clone is the same client: an `Arc` around one pool and one configuration.
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    let mut task = JoinSet::new();
    task.spawn(crate::fetch_json::<Post>(request));
    match task.join_next().await {
        Some(Ok(result)) => result,
        // Only a panic inside reqwest could get here: pass it on unchanged.
        Some(Err(join_error)) if join_error.is_panic() => {
            std::panic::resume_unwind(join_error.into_panic())
        }
        // Cancelled (only at runtime shutdown, when nobody polls us again), or an empty set,
        // which cannot be: the set holds the one task spawned above.
        Some(Err(_)) | None => std::future::pending().await,
    }
}
