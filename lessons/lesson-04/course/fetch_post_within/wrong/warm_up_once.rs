//! Wrong: "one call, one request" and "keeping nothing between calls": the first call for each base URL (remembered in a static set) first sends a warm-up GET to `base_url` itself, so that the pooled connection's handshake is not charged to `limit`; that call makes two requests, and later calls behave differently from the first.
use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Base URLs whose connection has already been opened in the client's pool.
fn warmed() -> &'static Mutex<HashSet<String>> {
    static WARMED: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();
    WARMED.get_or_init(Default::default)
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let first_time = warmed()
        .lock()
        .map(|mut seen| seen.insert(base_url.to_owned()))
        .unwrap_or(false);
    if first_time {
        // Open a connection first, with a small budget of its own, so that `limit` measures the
        // server's answer rather than the TCP handshake. Its outcome does not matter.
        let _ = client
            .get(base_url)
            .timeout(limit.min(Duration::from_millis(50)))
            .send()
            .await;
    }

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
