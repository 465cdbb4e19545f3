//! Right: runs the whole request (`.timeout(limit)` on it, then the lesson's `fetch_json`) as a `tokio::spawn`ed task holding a clone of the given client (same pool, same settings: a `Client` is an `Arc` inside) and awaits its `JoinHandle`, wrapped so that dropping the call aborts the task (cancelling the call still cancels its request); a panic inside the task, which cannot happen, would be re-raised as is, so every outcome is the plain one.

use std::panic;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

use crate::{ApiError, fetch_json};

/// A spawned request that is aborted if nobody waits for it any more: dropping the call's
/// future cancels the request, as it would without the task.
struct AbortOnDrop(JoinHandle<Result<Post, ApiError>>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        // A no-op once the task has finished.
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
    // The builder owns a clone of `client`, so the task is `'static` and still sends through
    // the caller's client. The request's own timeout bounds it, head and body alike.
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    let mut task = AbortOnDrop(tokio::spawn(fetch_json::<Post>(request)));

    match (&mut task.0).await {
        Ok(outcome) => outcome,
        // Only a panic in the task can land here (the task is aborted only once this future is
        // gone): hand it on unchanged rather than invent an error for it.
        Err(failure) => panic::resume_unwind(failure.into_panic()),
    }
}
