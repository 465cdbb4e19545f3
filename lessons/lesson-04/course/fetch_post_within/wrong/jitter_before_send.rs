//! Wrong: breaks "calls made at the same time send their requests at once (no spacing…)" and "waits at most `limit`" (`ZERO`: "give up at once"): it keeps no state but sleeps a random 0-19 ms before sending, before the request's own `limit` starts.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;
use std::time::{SystemTime, UNIX_EPOCH};

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    tokio::time::sleep(Duration::from_millis(u64::from(nanos % 20))).await;
    Ok(client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?)
}
