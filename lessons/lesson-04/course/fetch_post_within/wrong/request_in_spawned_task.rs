//! Wrong: breaks "nothing of a call outlives it: a call whose future is dropped (a caller's own timeout, a `select!`) stops its request"
//!
//! Runs the request in a task of its own (`tokio::spawn`) and awaits its `JoinHandle`. The
//! learner brings the asyncio habit `task = asyncio.create_task(fetch(...)); return await task`,
//! where cancelling the coroutine that awaits a task cancels the task too, so it looks like the
//! same function with the work on its own task. In tokio, dropping a `JoinHandle` detaches the
//! task instead: when the caller's `select!` or `tokio::time::timeout` drops this future, the
//! request keeps running, holding its connection open and waiting up to `limit` (forever, for
//! `Duration::MAX`) for an answer nobody will read. Every result, variant and timing the
//! function returns is the reference's; only the cancellation leaks.

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
    // The builder owns a handle to `client` (a clone shares its pool), so the request can run
    // on a task of its own.
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    let task = tokio::spawn(crate::fetch_json::<Post>(request));
    match task.await {
        Ok(result) => result,
        // The task only fails if it panicked: let that panic go on as if it were ours.
        Err(join_error) => std::panic::resume_unwind(join_error.into_panic()),
    }
}
