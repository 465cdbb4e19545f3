//! Right: writes the request as one `futures::TryFutureExt` chain (`and_then` for the status check and the decode, `err_into::<ApiError>()` for the lesson's `From` impl) instead of three `?`.

use std::time::Duration;

use futures::TryFutureExt;
use futures::future;
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
    client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .and_then(|response| future::ready(response.error_for_status()))
        .and_then(|response| response.json::<Post>())
        .err_into::<ApiError>()
        .await
}
