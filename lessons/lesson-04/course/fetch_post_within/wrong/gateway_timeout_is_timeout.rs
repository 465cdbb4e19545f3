//! Wrong: breaks "`Err(ApiError::Status { status, url })` for any other error status, 4xx or 5xx": a 408 Request Timeout or a 504 Gateway Timeout is reported as `ApiError::Timeout` ("the server side was too slow, same reaction"), so the caller loses the status it was promised; the statuses usually tested (400, 403, 410, 429, 500, 502, 503) are all right.

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
        .await?;

    let response = match response.error_for_status() {
        Ok(response) => response,
        // A 408 or a 504 says the same as our own timer: the answer did not come in time
        // (from the server, or from the server behind the gateway). One variant for "too slow".
        Err(err)
            if matches!(
                err.status(),
                Some(StatusCode::REQUEST_TIMEOUT | StatusCode::GATEWAY_TIMEOUT)
            ) =>
        {
            return Err(ApiError::Timeout(err));
        }
        Err(err) => return Err(err.into()),
    };

    Ok(response.json::<Post>().await?)
}
