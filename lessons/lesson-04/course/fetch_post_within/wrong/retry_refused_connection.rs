//! Wrong: breaks "one call, one request, whatever happens: no retry": a refused connection (`is_connect()` without `is_timeout()`) is tried once more after 50 ms, within what is left of `limit`, on the theory that the server is restarting; every server-side request count stays at one, because nothing listens to count the second attempt.

use std::time::{Duration, Instant};

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// How long to wait before the second try, when the first could not connect.
const RECONNECT_PAUSE: Duration = Duration::from_millis(50);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();

    let response = match client.get(&url).timeout(limit).send().await {
        // Nothing was sent, so trying again cannot do anything twice: a refused connection
        // usually means the server is restarting. Stay within the caller's limit all the same.
        Err(err) if err.is_connect() && !err.is_timeout() && started.elapsed() < limit => {
            let left = limit.saturating_sub(started.elapsed());
            tokio::time::sleep(RECONNECT_PAUSE.min(left)).await;
            let left = limit.saturating_sub(started.elapsed());
            client.get(&url).timeout(left).send().await?
        }
        first => first?,
    };

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
