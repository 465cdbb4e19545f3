//! Wrong: breaks "one call, one request, whatever happens": it asks for `Accept: application/json`, and when the server answers 406 Not Acceptable it sends the GET a second time without that header (within what is left of `limit`); every other answer gets one request, the request's own timeout, and the lesson's classification, as the contract says.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::header::ACCEPT;
use reqwest::{Client, StatusCode};
use tokio::time::Instant;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();

    // Say what we want back: this function decodes JSON and nothing else.
    let response = client
        .get(&url)
        .header(ACCEPT, "application/json")
        .timeout(limit)
        .send()
        .await?;

    // Content negotiation: a server that cannot honour our Accept header answers 406. Its
    // default format is JSON anyway for this API, so ask once more without insisting, in the
    // time that is left of `limit`.
    let response = if response.status() == StatusCode::NOT_ACCEPTABLE {
        drop(response);
        let left = limit.saturating_sub(started.elapsed());
        client.get(&url).timeout(left).send().await?
    } else {
        response
    };

    // `?` turns each reqwest::Error into the right ApiError (the From impl in lib.rs).
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
