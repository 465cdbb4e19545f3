//! Right: classifies every `reqwest::Error` with the lesson's `From` impl first (so `NotFound`/`Status` keep the URL asked for), then strips the URL from the reqwest error kept as the source of `Timeout`, `Connect`, `Decode` and `Other` (`reqwest::Error::without_url`, "to remove sensitive information" such as a token in the query); the variant, every status and URL the contract names, timing and request count are the plain ones, only the cause's own message no longer repeats the URL.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Keeps the classification, drops the URL from the error underneath.
fn without_url(err: reqwest::Error) -> ApiError {
    match ApiError::from(err) {
        ApiError::Timeout(source) => ApiError::Timeout(source.without_url()),
        ApiError::Connect(source) => ApiError::Connect(source.without_url()),
        ApiError::Decode(source) => ApiError::Decode(source.without_url()),
        ApiError::Other(source) => ApiError::Other(source.without_url()),
        classified => classified,
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await
        .map_err(without_url)?;
    let response = response.error_for_status().map_err(without_url)?;
    response.json::<Post>().await.map_err(without_url)
}
