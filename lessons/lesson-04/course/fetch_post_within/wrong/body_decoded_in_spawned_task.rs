//! Wrong: "a call whose future is dropped stops its request": the body is read and decoded in a task of its own (`tokio::spawn`, to keep JSON parsing off the caller's task, like `run_in_executor`), and a spawned task is not cancelled with the call, so a caller that gives up while the body is still arriving (a `select!`, its own timeout) leaves that read running until `limit`. Dropped before the head arrives, it does stop.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;
    // The request's own timeout still bounds the body inside the task.
    let decoding = tokio::spawn(response.json::<Post>());
    match decoding.await {
        Ok(decoded) => Ok(decoded?),
        // The task cannot panic (reqwest returns its errors); pass one on if it ever does.
        Err(join_error) if join_error.is_panic() => {
            std::panic::resume_unwind(join_error.into_panic())
        }
        // Cancelled: only when the runtime shuts down, and then nobody polls us again.
        Err(_) => std::future::pending().await,
    }
}
