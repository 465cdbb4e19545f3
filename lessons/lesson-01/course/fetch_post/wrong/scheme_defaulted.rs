//! Wrong: breaks "a `base_url` that is no URL at all (`127.0.0.1:3000`, its scheme left out) is an `Err` as well, the one `send()` gives": when `base_url` has no `://` it puts `http://` in front, as curl and httpie do for a bare `host:port`, so a scheme-less base reaches the server (or fails to connect) instead of failing as a builder error.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`]; a bare `host:port` base is read as plain HTTP.
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = if base_url.contains("://") {
        format!("{base_url}/posts/{id}")
    } else {
        format!("http://{base_url}/posts/{id}")
    };
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await
}
