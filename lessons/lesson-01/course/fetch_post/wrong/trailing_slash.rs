//! Wrong: breaks "exactly one GET per call, to `{base_url}/posts/{id}` exactly (nothing added)": the URL gets a trailing slash, `{base_url}/posts/{id}/` (the "canonical" Django/DRF form, "saves a redirect"), which json-server and many routers answer the same, but it is another URL: `err.url()` ends in `/`, and a server that routes exactly answers 404.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // Resource URLs end in a slash: the canonical form, no redirect needed.
    let url = format!("{base_url}/posts/{id}/");
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await
}
