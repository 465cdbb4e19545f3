//! Wrong: "calls made at the same time send their requests at once (no spacing of your own)" — each call first blocks its thread for 1 ms (`std::thread::sleep`, Python's `time.sleep(0.001)` habit) "so the previous request's connection is back in the pool", which on a one-thread runtime spaces concurrent calls 1 ms apart and stalls every other task meanwhile; the stall is far below a 30 ms heartbeat threshold, and each call's result is the reference's.

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
    // A moment for the previous request's connection to go back to the pool, so that
    // this request reuses it instead of opening a new one. 1 ms is nothing to a caller.
    std::thread::sleep(Duration::from_millis(1));

    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
