//! Wrong: a limit that passes must be `Timeout` ("a 408 ... is not a `Timeout`", nor the reverse), and `limit` must replace the client's timeout; this races the request against its own `tokio::time::sleep(limit)` and, having no `reqwest::Error` to put in `Timeout`, reports a made-up `Status` 408 Request Timeout, while the request itself keeps the client's 30 s (a 45 s limit gives up at 30 s).

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
    let request = async {
        let post = client
            .get(url.as_str())
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await?;
        Ok::<Post, ApiError>(post)
    };
    // Whichever finishes first: the answer, or our own limit. When the limit wins, the
    // request future is dropped (cancelled) and the caller learns it timed out: 408.
    tokio::select! {
        result = request => result,
        () = tokio::time::sleep(limit) => Err(ApiError::Status {
            status: StatusCode::REQUEST_TIMEOUT,
            url: url.clone(),
        }),
    }
}
