//! Wrong: "calls made at the same time send their requests at once, each waiting at most its own `limit`": a process-wide async mutex, taken so that "the shared `Client` is used by one task at a time", queues concurrent calls one behind the other, and the time spent waiting in that queue is not bounded by `limit` either.
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::Mutex;

use crate::ApiError;

/// Every task gets the same `&Client`: take turns with it, so two requests never step on each
/// other inside it. (A `tokio` mutex, not `std`'s, because the guard is held across `.await`.)
static CLIENT_TURN: Mutex<()> = Mutex::const_new(());

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let _turn = CLIENT_TURN.lock().await;
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
