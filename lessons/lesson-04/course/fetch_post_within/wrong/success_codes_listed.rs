//! Wrong: `Ok` only for the 2xx the contract names (200, 201, 203); any other 2xx (202, 204, 206, 226…) carrying a post is reported as `Status`, though "any 2xx" is a success.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// The successful answers that carry a post. A 202 Accepted has no post yet, a 204 has no body
/// at all and a 206 only part of one: those are reported with their status for the caller to
/// decide.
const CARRY_A_POST: [StatusCode; 3] = [
    StatusCode::OK,
    StatusCode::CREATED,
    StatusCode::NON_AUTHORITATIVE_INFORMATION,
];

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
        .await?
        .error_for_status()?;
    let status = response.status();
    if status.is_success() && !CARRY_A_POST.contains(&status) {
        return Err(ApiError::Status {
            status,
            url: response.url().to_string(),
        });
    }
    Ok(response.json::<Post>().await?)
}
