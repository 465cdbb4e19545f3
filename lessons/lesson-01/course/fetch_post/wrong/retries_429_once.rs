//! Wrong: breaks "No retry": on a 429 Too Many Requests it waits (the `Retry-After` seconds, capped at 2 s, else 250 ms) and sends the same GET a second time; every other status, the URL, the client, the decoding and the error it finally returns (carrying 429 if the second answer is a 429 too) are right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, StatusCode};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let mut response = client.get(&url).send().await?;

    // A 429 is not "no", it is the server asking us to slow down (urllib3's
    // `Retry(status_forcelist=[429], respect_retry_after_header=True)`). Wait as long as it
    // asks, within reason, and ask once more.
    if response.status() == StatusCode::TOO_MANY_REQUESTS {
        let wait = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|seconds| seconds.trim().parse::<u64>().ok())
            .map_or(Duration::from_millis(250), Duration::from_secs)
            .min(Duration::from_secs(2));
        tokio::time::sleep(wait).await;
        response = client.get(&url).send().await?;
    }

    // Any other 4xx or 5xx stops here, before the body.
    response.error_for_status()?.json().await
}
