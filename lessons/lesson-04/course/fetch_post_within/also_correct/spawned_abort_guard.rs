//! Correct: runs the request on its own tokio task (so the decode never runs on the caller's task) but keeps the `JoinHandle` in a guard whose `Drop` aborts the task, so dropping the call's future still stops its request; every other clause comes from `fetch_json` with `.timeout(limit)`.

use std::convert::Infallible;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

use crate::ApiError;

/// Owns the spawned request: if the call's future is dropped, the task goes with it.
struct AbortOnDrop(JoinHandle<Result<Post, ApiError>>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        // Harmless when the task has finished already.
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
    // The builder owns a clone of the client (an `Arc` inside), so the task is `'static`.
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    let mut task = AbortOnDrop(tokio::spawn(crate::fetch_json::<Post>(request)));
    match (&mut task.0).await {
        Ok(result) => result,
        // Only reachable if the task was aborted or panicked, and neither can happen here: the
        // guard aborts only when this future is dropped, and `fetch_json` does not panic.
        // Report it without panicking anyway, as a deadline that was never met.
        Err(_join_error) => {
            // `pending::<Infallible>()` never finishes, so the zero timeout always elapses.
            match tokio::time::timeout(Duration::ZERO, std::future::pending::<Infallible>()).await {
                Err(elapsed) => Err(ApiError::Deadline(elapsed)),
                Ok(never) => match never {},
            }
        }
    }
}
