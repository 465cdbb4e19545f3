//! Correct: runs the whole request in a task of its own (`tokio::spawn`, on a clone of the client: the same pool and default headers), tied to the call by `futures`' `remote_handle`: dropping the call's future drops the `RemoteHandle`, which stops the task and its request at the task's next poll, so nothing outlives the call; the answer and every error are the reference's.

use std::time::Duration;

use futures::FutureExt;
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
    // A `Client` is an `Arc` inside: the clone is the same client, not a new one.
    let client = client.clone();
    let url = format!("{base_url}/posts/{id}");
    let (task, handle) = async move {
        let post = client
            .get(url)
            .timeout(limit)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await?;
        Ok::<Post, ApiError>(post)
    }
    .remote_handle();
    // Not detached in effect: the task ends as soon as `handle` is dropped (see `Remote`).
    drop(tokio::spawn(task));
    handle.await
}
