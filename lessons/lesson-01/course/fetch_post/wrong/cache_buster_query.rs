//! Wrong: breaks "exactly one GET per call, to `{base_url}/posts/{id}`": to honour "no cache" it adds a cache-busting query (`?_=<timestamp>`, the jQuery trick), so the request goes to `{base_url}/posts/{id}?_=…`, a URL the server (or a json-server that reads `_`-prefixed parameters) may answer differently; a check that matches only the path does not see it.

use std::time::{SystemTime, UNIX_EPOCH};

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // "No cache": make every URL unique, so that no cache between us and the server (a proxy,
    // a CDN) can answer in its place with an old copy.
    let nonce = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.as_nanos().to_string())
        .unwrap_or_default();

    client
        .get(format!("{base_url}/posts/{id}"))
        .query(&[("_", nonce)])
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await
}
