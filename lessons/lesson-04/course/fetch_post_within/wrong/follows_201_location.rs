//! Wrong: breaks "one call, one request" and "`Ok(post)`, the post as the server sent it (… a 201)": on a 201 with a `Location` header it GETs that URL and returns what it finds there, instead of the post in the 201's body.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;
use reqwest::header::LOCATION;

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
    if response.status() == StatusCode::CREATED {
        let canonical = response
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|loc| response.url().join(loc).ok());
        if let Some(canonical) = canonical {
            return Ok(client
                .get(canonical)
                .timeout(limit)
                .send()
                .await?
                .error_for_status()?
                .json::<Post>()
                .await?);
        }
    }
    Ok(response.json::<Post>().await?)
}
