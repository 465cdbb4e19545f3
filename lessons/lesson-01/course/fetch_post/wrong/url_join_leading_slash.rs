//! Wrong: breaks "keep `base_url` whole": `Url::join` with a leading `/posts/..` replaces the base URL's own path, so `http://host/api/v1` asks for `http://host/posts/7`.

use lesson_support::models::Post;
use reqwest::{Client, Url};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // Build the URL with the `url` crate instead of gluing strings, so a stray slash can never
    // produce `//posts`. Fall back to plain formatting if the base does not parse.
    let url = Url::parse(base_url)
        .and_then(|base| base.join(&format!("/posts/{id}")))
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
