//! Wrong: "never blocking the thread it runs on": it runs the whole request on tokio's blocking pool, `spawn_blocking` with `Handle::block_on` inside (as one wraps a blocking library), so the call's own thread is free but a pool thread sits blocked for each call, and tokio's paused clock, which it holds still while such a task runs, cannot move: a check on that clock must end in real time, with a message, instead of waiting for ever.

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
    let client = client.clone();
    let url = format!("{base_url}/posts/{id}");
    let runtime = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        runtime.block_on(crate::fetch_json(client.get(url).timeout(limit)))
    })
    .await
    .expect("the blocking task does not panic")
}
