//! Right: builds the URL by joining `[base_url, "posts", id]` with `/`, and turns an error status into its `Err` with a `match` on `error_for_status()` instead of `?`, decoding with an inferred type.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let id = id.to_string();
    let url = [base_url, "posts", id.as_str()].join("/");
    let response = client.get(url).send().await?;
    match response.error_for_status() {
        Ok(response) => response.json().await,
        Err(err) => Err(err),
    }
}
