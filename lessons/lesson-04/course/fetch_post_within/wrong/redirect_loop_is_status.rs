//! Wrong: Other clause: a redirect that never ends (reqwest gives up after 10 hops, `is_redirect()`) is "any other failure", so `Other`, but this reports it as `Status { status: 508 Loop Detected, url }`, a status the server never sent; every real answer and every other failure is classified as the contract says.

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
    let url = format!("{base_url}/posts/{id}");
    let response = match client.get(&url).timeout(limit).send().await {
        Ok(response) => response,
        // Redirects going round in circles are the server's misconfiguration, like a 5xx: give
        // the caller a status to match on (and `is_transient` then says "try later"), not an
        // opaque `Other`.
        Err(err) if err.is_redirect() => {
            return Err(ApiError::Status {
                status: StatusCode::LOOP_DETECTED,
                url,
            });
        }
        Err(err) => return Err(err.into()),
    };

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
