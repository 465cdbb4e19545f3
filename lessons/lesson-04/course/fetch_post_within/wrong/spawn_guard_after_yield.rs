//! Wrong: "nothing of a call outlives it" — the request runs in a spawned task whose abort-on-drop guard is armed only after a first `yield_now().await`, so a call dropped right after its first poll leaves a detached task that still sends the request and reads the whole answer (any later drop does abort it).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::AbortHandle;

use crate::ApiError;

/// Aborts the request's task when the call is dropped: a cancelled call stops its request.
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
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    // The request runs as a task of its own, so the runtime drives it (connection, head, body)
    // even while our caller is busy elsewhere between two polls of this future.
    let task = tokio::spawn(async move {
        let response = request.send().await?.error_for_status()?;
        response.json::<Post>().await
    });
    // Give the task its turn, so the request is on its way before we settle down to wait.
    tokio::task::yield_now().await;
    let _abort = AbortOnDrop(task.abort_handle());
    match task.await {
        Ok(result) => result.map_err(ApiError::from),
        Err(failure) if failure.is_panic() => std::panic::resume_unwind(failure.into_panic()),
        // Cancelled: only a runtime shutting down does that, and then nobody waits for us.
        Err(_) => std::future::pending().await,
    }
}
