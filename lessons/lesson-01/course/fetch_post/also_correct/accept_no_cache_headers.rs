//! Right: sends `Accept: application/json` and `Cache-Control: no-cache` headers (extra headers, same single GET to the same URL), trims a trailing `/` off `base_url` defensively, and decodes into a `let post: Post` binding before `Ok(post)`.

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{ACCEPT, CACHE_CONTROL};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{}/posts/{id}", base_url.trim_end_matches('/'));

    let response = client
        .get(url)
        .header(ACCEPT, "application/json")
        // Ask any cache on the way to check with the server: the URL stays exactly the same.
        .header(CACHE_CONTROL, "no-cache")
        .send()
        .await?;

    let response = response.error_for_status()?;
    let post: Post = response.json().await?;
    Ok(post)
}
