//! Correct: builds the `Request` and sets its timeout through `timeout_mut()`, sends it with `Client::execute`, sorts the status by hand without `error_for_status()`, and reports `NotFound`/`Status` with the URL that was asked for even after a redirect (the contract allows either that or reqwest's final URL).

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
    // A base URL no request can go to fails here, as a builder error: `Other`.
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    *request.timeout_mut() = Some(limit);

    // The URL as asked for, written the way reqwest writes it in its own errors
    // (credentials in the URL travel in a header, not in the error).
    let mut asked = request.url().clone();
    let _ = asked.set_password(None);
    let _ = asked.set_username("");
    let asked = asked.to_string();

    // `mailto:` and friends fail here, at send, with nothing sent: `Other` too.
    let response = client.execute(request).await?;
    match response.status() {
        StatusCode::NOT_FOUND => Err(ApiError::NotFound { url: asked }),
        status if status.is_client_error() || status.is_server_error() => {
            Err(ApiError::Status { status, url: asked })
        }
        // Known from the head alone: the body of an error answer is never read.
        _ => Ok(response.json::<Post>().await?),
    }
}
