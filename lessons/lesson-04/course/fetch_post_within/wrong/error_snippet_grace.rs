//! Wrong: an error status is reported as soon as the head arrives: before returning `NotFound`/`Status` it waits up to 50 ms for the first chunk of the error body (to log a snippet), so a 404 or 503 whose body is slow or never comes is reported up to 50 ms late (a check asserting only the variant, or a loose elapsed bound, passes).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// How long we are willing to wait for a hint of what went wrong: never long.
const SNIPPET_GRACE: Duration = Duration::from_millis(50);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let mut response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        let url = response.url().to_string();
        // A few bytes of the error body make the log far more useful ("rate limited", an
        // HTML error page...). Bounded, so a server that never sends it cannot hold us up.
        if let Ok(Ok(Some(chunk))) = tokio::time::timeout(SNIPPET_GRACE, response.chunk()).await {
            let end = chunk.len().min(80);
            eprintln!(
                "{status} for {url}: {}",
                String::from_utf8_lossy(&chunk[..end])
            );
        }
        return Err(if status == StatusCode::NOT_FOUND {
            ApiError::NotFound { url }
        } else {
            ApiError::Status { status, url }
        });
    }
    Ok(response.json::<Post>().await?)
}
