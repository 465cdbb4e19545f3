//! Wrong: breaks "give up once `limit` has passed, not before it": the request's timeout is set 10% short of `limit` (a "safety margin" so the call returns within `limit`), so it gives up at 135 ms of a 150 ms limit and fails a server that answers just inside the limit.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::{ApiError, fetch_json};

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // Timers fire a little late, and the error still has to be built and handed back after
    // reqwest gives up. Aim a bit early so the caller gets its answer within `limit`.
    let budget = limit.saturating_sub(limit / 10);
    fetch_json(client.get(format!("{base_url}/posts/{id}")).timeout(budget)).await
}
