//! Wrong: "a redirect belongs to that request: the answer at its end is the answer" — a redirect that ended on another host is refused as a `Status` (302) instead of its answer being used.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode, Url};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let response = client.get(&url).timeout(limit).send().await?;

    // Follow redirects inside the API's own host only: a post should not come from a host we
    // were not asked to talk to.
    let asked_host = Url::parse(&url)
        .ok()
        .and_then(|asked| asked.host_str().map(str::to_ascii_lowercase));
    let landed_host = response.url().host_str().map(str::to_ascii_lowercase);
    if asked_host.is_some() && landed_host != asked_host {
        return Err(ApiError::Status {
            status: StatusCode::FOUND,
            url: response.url().to_string(),
        });
    }

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
