//! Wrong: breaks "`Err(ApiError::Connect(..))` when no connection can be made": its hand-written classifier reads reqwest's `is_request()` ("related to the request") as "the request itself could not be made or sent" and puts it, with `is_builder()`, into `Other` (for `not a url`, a hang-up) before it asks `is_connect()`; but every failure of `send()` is a request-kind error, so a refused connection comes back as `ApiError::Other`. Timeouts (asked first, connect timeouts included), hang-ups, bad base URLs, statuses and bodies are all right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Sorts a reqwest error: time first, then a request that could not go out, then the rest.
fn classify(err: reqwest::Error) -> ApiError {
    if err.is_timeout() {
        ApiError::Timeout(err)
    } else if err.is_builder() || err.is_request() {
        // The request could not be built or could not be sent: `not a url`, `mailto:`, a
        // server that hangs up. None of these is about the body.
        ApiError::Other(err)
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
    let url = response.url().to_string();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound { url });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status { status, url });
    }

    response.json::<Post>().await.map_err(classify)
}
