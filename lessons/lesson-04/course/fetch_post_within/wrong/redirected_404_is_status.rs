//! Wrong: "`NotFound` for a 404, and only for a 404" (and "the answer at the end of a redirect is the answer"): a 404 that arrives after a redirect is reported as `Status { status: 404 }`, on the theory that the redirect is broken, not the post missing; a 404 without a redirect is still `NotFound`.

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
    let asked = format!("{base_url}/posts/{id}");
    let response = client.get(&asked).timeout(limit).send().await?;
    // The server sent us elsewhere and *that* address does not exist: the post itself may
    // well exist, so this is the server misbehaving (a `Status`), not a final "no such post".
    let redirected = Url::parse(&asked).is_ok_and(|url| &url != response.url());
    if redirected && response.status() == StatusCode::NOT_FOUND {
        return Err(ApiError::Status {
            status: response.status(),
            url: response.url().to_string(),
        });
    }
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
