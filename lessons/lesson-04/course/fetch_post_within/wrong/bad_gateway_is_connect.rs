//! Wrong: a 502 Bad Gateway or 503 Service Unavailable is reported as `Connect` (read as "the gateway could not reach the server"), though every error status other than 404 must be `Status { status, url }`, whatever it says.

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
    match response.error_for_status() {
        Ok(response) => Ok(response.json::<Post>().await?),
        // A 502 or 503 comes from a proxy or load balancer that could not reach the real
        // server: for the caller that is the same situation as a refused connection (the
        // server is not there right now), so give it the same variant.
        Err(err)
            if matches!(
                err.status(),
                Some(StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE)
            ) =>
        {
            Err(ApiError::Connect(err))
        }
        Err(err) => Err(err.into()),
    }
}
