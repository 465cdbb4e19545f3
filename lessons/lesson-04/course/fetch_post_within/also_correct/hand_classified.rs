//! Right: no `?` on reqwest errors and no `error_for_status`: a local `classify` (timeout, then connect, then decode, else other) is applied with `map_err` at each step, and the status is matched by hand with the URL string that was asked for.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Method, StatusCode};

use crate::ApiError;

/// Sorts an error that carries no status: timeout first (a connect timeout is also a connect
/// error, and a body cut off by the timeout is also a decode error), then the rest.
fn classify(err: reqwest::Error) -> ApiError {
    if err.is_timeout() {
        ApiError::Timeout(err)
    } else if err.is_connect() {
        ApiError::Connect(err)
    } else if err.is_decode() {
        ApiError::Decode(err)
    } else {
        ApiError::Other(err)
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let response = client
        .request(Method::GET, url.as_str())
        .timeout(limit)
        .send()
        .await
        .map_err(classify)?;

    match response.status() {
        StatusCode::NOT_FOUND => Err(ApiError::NotFound { url }),
        status if status.is_client_error() || status.is_server_error() => {
            Err(ApiError::Status { status, url })
        }
        _ => response.json::<Post>().await.map_err(classify),
    }
}
