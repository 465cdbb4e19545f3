//! Wrong: "any other error status, 4xx or 5xx, is `Status`" is broken for 5xx: only client errors are checked before decoding (a JSON API's 500/502/503 "has a JSON body, let the decoder say what went wrong"), so a 5xx comes back as `Decode`, or even `Ok` when its body happens to parse as a post.

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
    let url = format!("{base_url}/posts/{id}");
    let response = client.get(&url).timeout(limit).send().await?;

    // A 4xx means our request was wrong: report it from the head, as the contract says.
    let status = response.status();
    if status.is_client_error() {
        let url = response.url().to_string();
        return Err(if status == reqwest::StatusCode::NOT_FOUND {
            ApiError::NotFound { url }
        } else {
            ApiError::Status { status, url }
        });
    }

    // Anything else carries a JSON body; `json` tells us if it is not a post.
    let post = response.json::<Post>().await?;
    Ok(post)
}
