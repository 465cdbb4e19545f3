//! Wrong: breaks "An error status (this one and the next) is known as soon as the answer's head arrives: report it then, without reading or waiting for its body, even if that body would come after `limit` or never"
//!
//! On an error status it first reads the rest of the answer's body (and throws it away), then
//! returns the same `NotFound` or `Status` as the reference. The learner knows the HTTP/1.1
//! keep-alive rule that a connection only goes back to the pool once its body has been read
//! whole, and means to be kind to the pool; the request's own timeout bounds that read, so it
//! "cannot hang". Every 404 or 503 whose body arrives with its head (JSON, empty, HTML) gives
//! the right variant at the right time. A 404 whose head comes at once and whose body stalls
//! is reported only when `limit` has passed (and never, with `Duration::MAX`); the kind is
//! still `NotFound`, because the drain's own error is ignored, so only a check that times the
//! answer to an error status with a slow body sees it.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

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
    if let Some(err) = response.error_for_status_ref().err() {
        // Read what is left of the body so that the connection can be reused; the request's
        // timeout still applies, and whatever happens here, the status is the answer.
        let _ = response.bytes().await;
        return Err(err.into());
    }
    let post = response.json::<Post>().await?;
    Ok(post)
}
