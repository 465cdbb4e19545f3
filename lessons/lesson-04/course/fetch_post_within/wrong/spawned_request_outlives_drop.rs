//! Wrong: breaks "nothing of a call outlives it: a call whose future is dropped (a caller's own timeout, a `select!`) stops its request": the request runs on a `tokio::spawn`ed task, and dropping the call's future only drops the `JoinHandle`, which detaches the task, so the request carries on until the server answers or `limit` passes; every result, variant, URL, timeout and request count is still the reference's.

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
    // The request with its own timeout, through the caller's client (the builder holds a
    // clone of it, so it can move into a task).
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);

    // Run the request on a task of its own, so a slow server never holds up the task that
    // called us: the thread is shared with other tasks, and the contract asks us not to
    // block it. `fetch_json` sends, checks the status, decodes and classifies.
    let task = tokio::spawn(crate::fetch_json::<Post>(request));
    match task.await {
        Ok(result) => result,
        // The task only fails if it panicked: pass the panic on, as if it happened here.
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}
