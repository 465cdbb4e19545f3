//! Wrong: breaks "one call, one request, whatever happens" (and "nothing of a call outlives it"): after a `Timeout` it spawns one more GET of the same post in the background (a cache warm-up for the caller's retry) that outlives the call; every result it returns, the timeout included, is right.

use std::time::Duration;

use lesson_04::ApiError;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let result = lesson_04::fetch_json::<Post>(client.get(&url).timeout(limit)).await;

    if let Err(ApiError::Timeout(_)) = &result {
        // A slow answer is usually a cold cache on the server's side. Ask once more in the
        // background, without waiting for it, so that the caller's retry finds the post warm.
        // (Bounded, so it never hangs around for long.)
        let client = client.clone();
        tokio::spawn(async move {
            let _ = client.get(url).timeout(Duration::from_secs(5)).send().await;
        });
    }
    result
}
