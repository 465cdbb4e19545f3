//! Wrong: calls made at the same time send their requests at once, with no queue of the function's own, but calls whose `limit` is `Duration::MAX` take turns: a second one waits, sending nothing, until the first has its whole answer.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::Semaphore;

use crate::ApiError;

/// Calls without a limit that may be in flight at once.
static UNLIMITED_CALLS: Semaphore = Semaphore::const_new(1);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // A call without a limit may wait for ever on a server that hangs. Let only one such call
    // be in flight, so that a stuck server cannot pile them up and take the client's whole
    // connection pool; a call with a real limit ends by itself and goes straight through.
    let _turn = if limit == Duration::MAX {
        Some(UNLIMITED_CALLS.acquire().await)
    } else {
        None
    };
    crate::fetch_json(client.get(format!("{base_url}/posts/{id}")).timeout(limit)).await
}
