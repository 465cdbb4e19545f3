//! Wrong: breaks "`Connect` when no connection can be made (... or its host name does not resolve)": it asks `err.is_dns()` first and reports a host name that does not resolve as `Other` ("a host that does not exist is a base_url no request can go to, like `not a url`"), so the caller's `match` sees a bad URL, not a connection failure.

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
    let response = match client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await
    {
        Ok(response) => response,
        // No such host: the base URL itself is wrong, as with `not a url` or `mailto:`.
        Err(err) if err.is_dns() => return Err(ApiError::Other(err)),
        Err(err) => return Err(ApiError::from(err)),
    };
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
