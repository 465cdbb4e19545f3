//! Wrong: "one call, one request": a successful answer that carries an `Age` header above zero (a copy served by a cache or CDN, as JSONPlaceholder's Cloudflare answers are) is thrown away and asked for again with `Cache-Control: no-cache`, within what is left of `limit`: two requests for one call. Servers that send no `Age` (every mock) see one request.

use std::time::{Duration, Instant};

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{AGE, CACHE_CONTROL};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();
    let mut response = client.get(&url).timeout(limit).send().await?;
    // A cached copy may be stale: get the origin's own, in the time that is left.
    if response.status().is_success() && age_in_seconds(&response).is_some_and(|age| age > 0) {
        drop(response);
        let left = limit.saturating_sub(started.elapsed());
        response = client
            .get(&url)
            .timeout(left)
            .header(CACHE_CONTROL, "no-cache")
            .send()
            .await?;
    }
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}

/// The `Age` header: how many seconds a cache has held this answer.
fn age_in_seconds(response: &reqwest::Response) -> Option<u64> {
    response
        .headers()
        .get(AGE)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}
