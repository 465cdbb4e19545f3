//! Correct: the request runs in its own `tokio::spawn`ed task (same client, shared through a clone) that a guard aborts if the call is dropped, so cancelling the call still cancels the request; the result, panics included, comes back through the `JoinHandle`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

use crate::ApiError;

/// Aborts the task it holds when dropped: a dropped call takes its request with it.
struct AbortOnDrop<T>(JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let client = client.clone();
    let url = format!("{base_url}/posts/{id}");
    let mut task = AbortOnDrop(tokio::spawn(async move {
        let post = client
            .get(url)
            .timeout(limit)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await?;
        Ok::<Post, ApiError>(post)
    }));
    match (&mut task.0).await {
        Ok(result) => result,
        // The task does not panic; if it ever did, the panic is the caller's, as without a task.
        Err(err) if err.is_panic() => std::panic::resume_unwind(err.into_panic()),
        // Cancelled while we wait: only when the runtime shuts down, which drops us too.
        Err(_) => std::future::pending().await,
    }
}
