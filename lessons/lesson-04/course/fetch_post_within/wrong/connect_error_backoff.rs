//! Wrong: after a refused connection it sleeps up to 250 ms (capped at `limit`) before returning `Connect`, "so a caller retrying in a loop does not spin", though the contract says `Connect` is reported at once.

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
    let result =
        crate::fetch_json::<Post>(client.get(format!("{base_url}/posts/{id}")).timeout(limit))
            .await;
    if let Err(ApiError::Connect(_)) = &result {
        // A refused connection comes back in microseconds. A caller that retries whatever
        // `is_transient()` says would hammer a server that is down in a tight loop, so pause a
        // moment before reporting it (never longer than the caller's own `limit`). No second
        // request is sent: this is not a retry.
        tokio::time::sleep(limit.min(Duration::from_millis(250))).await;
    }
    result
}
