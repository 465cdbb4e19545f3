//! Wrong: "each call on its own, keeping nothing between calls": the request runs in a detached `tokio::spawn`ed task, so a call its caller drops (its own `tokio::time::timeout`, a `select!`) leaves the request running on, until `limit` (for `Duration::MAX`, for as long as the server takes) and the answer is read for nobody.

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
    // Run the request as its own task, like `asyncio.create_task`, so the timeout is enforced
    // whatever the caller's future is doing. A `Client` clone shares the same pool.
    let client = client.clone();
    let url = format!("{base_url}/posts/{id}");
    let task = tokio::spawn(async move {
        let post = client
            .get(url)
            .timeout(limit)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await?;
        Ok::<Post, ApiError>(post)
    });
    match task.await {
        Ok(result) => result,
        // The task cannot panic, but if it did, the panic belongs to the caller.
        Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
        // Cancelled: only when the runtime shuts down, and then nothing is waiting for this.
        Err(_) => std::future::pending().await,
    }
}
