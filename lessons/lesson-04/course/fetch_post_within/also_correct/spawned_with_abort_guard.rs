//! Correct: the request runs in its own tokio task (the builder, timeout set, made from the caller's `client` before spawning, so the same client and pool), awaited through its `JoinHandle`; an abort-on-drop guard cancels the task if the caller drops this future, so cancellation still abandons the request.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::AbortHandle;

use crate::ApiError;

/// Aborts the task when dropped: if the caller gives up on this call (a `tokio::time::timeout`
/// around it, a `select!`), the request in flight is abandoned with it, as it would be without
/// the task.
struct AbortOnDrop(AbortHandle);

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
    // `client.get` clones the `Client` into the builder: an `Arc`, the same pool and settings.
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    let task = tokio::spawn(crate::fetch_json::<Post>(request));
    let _guard = AbortOnDrop(task.abort_handle());

    match task.await {
        Ok(result) => result,
        // Only a panic inside the task gets here (only the guard aborts it, and only once
        // nobody is awaiting): let it continue as if it had happened in this function.
        Err(join_error) => std::panic::resume_unwind(join_error.into_panic()),
    }
}
