//! Wrong: reports `NotFound`/`Status` with a "cleaned" URL built from scheme, `host_str()` and path, which drops the port (`http://127.0.0.1/posts/1` for `http://127.0.0.1:8080/posts/1`); the contract says the error carries the URL that was asked for.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode, Url};

use crate::ApiError;

/// The URL as it may appear in an error: scheme, host and path only, so that no query string
/// or `user:password@` ends up in a log.
fn url_for_report(url: &Url) -> String {
    format!(
        "{}://{}{}",
        url.scheme(),
        url.host_str().unwrap_or_default(),
        url.path()
    )
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
        .await?;
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound {
            url: url_for_report(response.url()),
        });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status {
            status,
            url: url_for_report(response.url()),
        });
    }
    Ok(response.json::<Post>().await?)
}
