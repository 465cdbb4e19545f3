//! Correct: the request runs in its own tokio task (a JoinHandle awaited in place) behind a guard that aborts the task on drop, so a dropped call still stops its request.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

use crate::ApiError;

/// Aborts the task when the call's future is dropped, so the request does not outlive it.
struct AbortOnDrop(JoinHandle<Result<Post, ApiError>>);

impl Drop for AbortOnDrop {
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
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    let mut task = AbortOnDrop(tokio::spawn(crate::fetch_json::<Post>(request)));
    match (&mut task.0).await {
        Ok(result) => result,
        // The task is aborted only when this future is dropped, so the only error left is a
        // panic inside reqwest: pass it on as it was.
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}
