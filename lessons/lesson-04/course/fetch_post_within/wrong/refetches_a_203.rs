//! Wrong: breaks "one call, one request" and "any 2xx (a 203 too) is Ok(post)": it treats a 203 as "a proxy changed the post" and sends the GET again with `Cache-Control: no-transform`, returning the second answer.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;
use reqwest::header::CACHE_CONTROL;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let mut response = client
        .get(&url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;
    if response.status() == StatusCode::NON_AUTHORITATIVE_INFORMATION {
        response = client
            .get(&url)
            .header(CACHE_CONTROL, "no-transform")
            .timeout(limit)
            .send()
            .await?
            .error_for_status()?;
    }
    Ok(response.json::<Post>().await?)
}
