//! Right: reads "no cache" as a promise about every cache on the way too, and asks the same one GET with `Cache-Control: no-cache` and `Pragma: no-cache` request headers (so no proxy may answer from its store), with no change to the URL; it is written as explicit `match`/`if let` on each step's result (`Err(err) => return Err(err.into())`, `error_for_status_ref()` on the borrowed response) instead of `?`, every error still sorted by the lesson's `From` impl.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{CACHE_CONTROL, PRAGMA};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let sent = client
        .get(format!("{base_url}/posts/{id}"))
        // HTTP/1.1 caches obey `Cache-Control`; HTTP/1.0 ones only know `Pragma`.
        .header(CACHE_CONTROL, "no-cache")
        .header(PRAGMA, "no-cache")
        .timeout(limit)
        .send()
        .await;
    let response = match sent {
        Ok(response) => response,
        Err(err) => return Err(err.into()),
    };

    // The status is in the head: an error status is reported without touching the body.
    if let Err(err) = response.error_for_status_ref() {
        return Err(err.into());
    }

    match response.json::<Post>().await {
        Ok(post) => Ok(post),
        Err(err) => Err(err.into()),
    }
}
