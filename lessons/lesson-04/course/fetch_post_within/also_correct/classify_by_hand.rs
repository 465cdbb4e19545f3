//! Right: classifies every `reqwest::Error` by hand with one helper (timeout before connect before decode, as the `From` impl does, so a body cut off by the limit is a `Timeout`), and checks the status by hand instead of `error_for_status()`, taking the URL for `NotFound`/`Status` from the response.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Sorts a transport or body error by what it is, not by the step that returned it.
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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await
        .map_err(classify)?;

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound {
            url: response.url().to_string(),
        });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status {
            status,
            url: response.url().to_string(),
        });
    }

    // The per-request timeout still runs while the body arrives: a late body fails here
    // with `is_timeout()`, which `classify` asks first.
    response.json::<Post>().await.map_err(classify)
}
