//! Wrong: sorts reqwest's errors by hand, asking `is_decode()` before `is_timeout()`: a timeout
//! while reading the body is both, and comes out as Decode.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

fn classify(err: reqwest::Error) -> ApiError {
    if let Some(status) = err.status() {
        let url = err.url().map(ToString::to_string).unwrap_or_default();
        if status == reqwest::StatusCode::NOT_FOUND {
            ApiError::NotFound { url }
        } else {
            ApiError::Status { status, url }
        }
    } else if err.is_decode() {
        ApiError::Decode(err)
    } else if err.is_timeout() {
        ApiError::Timeout(err)
    } else if err.is_connect() {
        ApiError::Connect(err)
    } else {
        ApiError::Other(err)
    }
}

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
        .and_then(reqwest::Response::error_for_status)
        .map_err(classify)?;
    response.json::<Post>().await.map_err(classify)
}
