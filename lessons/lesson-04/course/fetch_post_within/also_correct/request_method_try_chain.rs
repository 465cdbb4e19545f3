//! Right: one `TryFutureExt` chain instead of three `?`: `client.request(Method::GET, …).timeout(limit).send()`, `and_then` the status check and `Response::json::<Post>`, and a single `map_err(ApiError::from)` at the end, which classifies exactly as the `?`s would.

use std::time::Duration;

use futures::TryFutureExt;
use futures::future;
use lesson_support::models::Post;
use reqwest::{Client, Method, Response};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    client
        .request(Method::GET, format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .and_then(|response| future::ready(response.error_for_status()))
        .and_then(Response::json::<Post>)
        .map_err(ApiError::from)
        .await
}
