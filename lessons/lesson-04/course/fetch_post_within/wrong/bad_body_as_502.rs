//! Wrong: "`Err(ApiError::Decode(..))` when a successful answer's body is not a post": the body is read with `bytes()` and parsed with `serde_json`, and a body that is not a post (not JSON, a list, another shape, truncated JSON) is reported as `Status { 502 Bad Gateway }`, a status the server never sent.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

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
        .await?
        .error_for_status()?;
    let url = response.url().to_string();
    // Read the whole body within the request's timeout, then parse it ourselves. A server that
    // answers 200 with something that is not a post is a broken upstream: what a proxy calls
    // 502 Bad Gateway.
    let body = response.bytes().await?;
    serde_json::from_slice::<Post>(&body).map_err(|_| ApiError::Status {
        status: StatusCode::BAD_GATEWAY,
        url,
    })
}
