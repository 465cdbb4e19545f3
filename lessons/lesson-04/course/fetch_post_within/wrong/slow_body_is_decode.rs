//! Wrong: breaks "`Timeout` when it does not [arrive within `limit`], whether the server is slow to answer or slow to send the body": errors are sorted by the step that returned them, so a body still trickling in when `limit` passes (`.json()` fails with `is_timeout()` and `is_decode()` both true) comes back as `ApiError::Decode`.

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

    // Step 1: getting an answer at all. Timeout before connect: a timeout while connecting
    // is both.
    let response = client
        .get(&url)
        .timeout(limit)
        .send()
        .await
        .map_err(|err| {
            if err.is_timeout() {
                ApiError::Timeout(err)
            } else if err.is_connect() {
                ApiError::Connect(err)
            } else {
                ApiError::Other(err)
            }
        })?;

    // Step 2: the status, before the body (a 404's body would fail to decode).
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound { url });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status { status, url });
    }

    // Step 3: the body. The answer arrived, so whatever goes wrong here is the body's fault.
    response.json::<Post>().await.map_err(ApiError::Decode)
}
