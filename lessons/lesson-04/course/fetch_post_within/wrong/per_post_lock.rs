//! Wrong: "each call on its own, keeping nothing between calls: calls made at the same time send their requests at once" is broken: a static per-post lock queues concurrent calls for the same `id` ("don't hit one post twice at once"), so the second call's request waits for the first to finish (and its `limit` is spent waiting in the queue).

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

static IN_FLIGHT: LazyLock<Mutex<HashMap<u64, Arc<tokio::sync::Mutex<()>>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let lock = {
        let mut map = IN_FLIGHT
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        Arc::clone(map.entry(id).or_default())
    };
    // One request per post at a time; others for the same post wait their turn.
    let _turn = lock.lock().await;

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
