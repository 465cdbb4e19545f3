//! Wrong: "`Other` for any other failure" is broken: the learner's own classifier sorts timeout, connect and status, and files everything left as `Decode` ("the answer was not usable"), so a server that hangs up without answering, or a `base_url` that is `not a url` or `mailto:…`, comes back as `Decode` instead of `Other`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

fn classify(err: reqwest::Error) -> ApiError {
    let url = err.url().map(ToString::to_string).unwrap_or_default();
    if let Some(status) = err.status() {
        if status == StatusCode::NOT_FOUND {
            return ApiError::NotFound { url };
        }
        return ApiError::Status { status, url };
    }
    if err.is_timeout() {
        ApiError::Timeout(err)
    } else if err.is_connect() {
        ApiError::Connect(err)
    } else {
        // We reached the server (or tried to) and got nothing we can read.
        ApiError::Decode(err)
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
        .map_err(classify)?;
    let response = response.error_for_status().map_err(classify)?;
    response.json::<Post>().await.map_err(classify)
}
