//! Wrong: `NotFound` and `Status` carry the URL that was asked for (or the one a redirect led to), but here that URL loses its query string, so a redirect to `/gone?id=1` that ends in a 404 is reported as `/gone`, a URL nobody asked for.

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
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        // Error messages end up in logs, and the query string is where API keys travel
        // (`?api_key=…`): report the URL without it.
        let mut url = response.url().clone();
        url.set_query(None);
        let url = url.to_string();
        return Err(if status == StatusCode::NOT_FOUND {
            ApiError::NotFound { url }
        } else {
            ApiError::Status { status, url }
        });
    }
    Ok(response.json::<Post>().await?)
}
