//! Right: parses the URL itself with `reqwest::Url::parse` and builds the request with `Request::new(Method::GET, url)` and `*request.timeout_mut() = Some(limit)`, sent by `client.execute` (falling back to the builder, only to get reqwest's own error, when the URL does not parse); sorts the status with `is_success()` first, then 404, then any other 4xx/5xx, taking the URL from the response.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Method, Request, StatusCode, Url};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let address = format!("{base_url}/posts/{id}");
    let request = match Url::parse(&address) {
        Ok(url) => {
            let mut request = Request::new(Method::GET, url);
            *request.timeout_mut() = Some(limit);
            request
        }
        // Not a URL at all: let reqwest say so, in its own error (a builder error, `Other`).
        // Nothing is sent.
        Err(_) => client.get(address.as_str()).timeout(limit).build()?,
    };

    // A URL that parses but cannot be asked (`mailto:…`) fails in `execute`, before sending.
    let response = client.execute(request).await?;

    let status = response.status();
    if status.is_success() {
        return Ok(response.json::<Post>().await?);
    }
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
    // Neither success nor error (a 1xx or 3xx that reached us): decode it as
    // `error_for_status()` would let through.
    Ok(response.json::<Post>().await?)
}
