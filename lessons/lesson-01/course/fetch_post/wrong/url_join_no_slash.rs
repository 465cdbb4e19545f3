//! Wrong: breaks "keep `base_url` whole (`http://host/api/v1/posts/7`)": having learned that `Url::join` with a leading `/` drops the base path, it joins the relative `posts/{id}` instead, but a base without a trailing `/` still loses its last segment, so `http://host/api/v1` asks for `http://host/api/posts/7` (a base with no path, or a one-segment-less path, is unaffected).

use lesson_support::models::Post;
use reqwest::{Client, Url};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // Build the URL with a real URL parser rather than string formatting, and no leading `/`
    // so that `join` keeps the base URL's path.
    let url = Url::parse(base_url)
        .and_then(|base| base.join(&format!("posts/{id}")))
        .map(String::from)
        .unwrap_or_else(|_| format!("{base_url}/posts/{id}"));
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await
}
