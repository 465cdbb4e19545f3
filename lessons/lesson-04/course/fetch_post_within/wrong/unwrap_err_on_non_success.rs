//! Wrong: "never a panic": any answer that is not a 2xx is assumed to be an error status and `error_for_status().unwrap_err()` is called on it, which panics for a status reqwest returns without it being an error (a 300, a 304, a 301 or 302 without `Location`, which the client cannot follow).

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;
    if !response.status().is_success() {
        // Not a 2xx, so an error status: let reqwest build the error (with its URL) and the
        // `From` impl pick the variant, without touching the body.
        let err = response.error_for_status().unwrap_err();
        return Err(err.into());
    }
    Ok(response.json::<Post>().await?)
}
