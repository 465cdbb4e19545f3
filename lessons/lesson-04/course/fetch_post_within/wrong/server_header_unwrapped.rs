//! Wrong: "never a panic": for an error status it notes which server answered (to tell a proxy's 502 from the API's) with `headers().get(SERVER)…to_str().expect(..)`, which panics when the `Server` header holds bytes outside visible ASCII (`Server: Café/1.0` in UTF-8 or Latin-1, legal obs-text that aiohttp would simply decode).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::SERVER;

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
    if let Err(err) = response.error_for_status_ref() {
        // Which server said it: the API itself, or a proxy in front of it?
        let server = response
            .headers()
            .get(SERVER)
            .map(|value| value.to_str().expect("a Server header is text").to_owned());
        if let Some(server) = server {
            eprintln!("note: {} came from server {server:?}", response.status());
        }
        return Err(err.into());
    }
    let post = response.json::<Post>().await?;
    Ok(post)
}
