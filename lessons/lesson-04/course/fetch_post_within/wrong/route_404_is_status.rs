//! Wrong: breaks "`Err(ApiError::NotFound { url })` for a 404": it tells "no such post" from "no such route" by the body, so only a 404 whose body is a JSON object (json-server's `{}`) is `NotFound`, and a 404 with an empty, plain-text or HTML body (a proxy's or a framework's page) is `Status { status: 404, .. }`; every other status, timing and variant is right.

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
    let url = format!("{base_url}/posts/{id}");
    let response = client.get(&url).timeout(limit).send().await?;
    if response.status() == StatusCode::NOT_FOUND {
        let status = response.status();
        let text = response.text().await?;
        // The API answers a missing post with `{}`; any other 404 means the route itself is
        // wrong (a bad base URL), which is a different problem for the caller.
        return Err(if text.trim_start().starts_with('{') {
            ApiError::NotFound { url }
        } else {
            ApiError::Status { status, url }
        });
    }
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
