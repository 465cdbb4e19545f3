//! Wrong: breaks "exactly one GET per call … no request goes anywhere else": it first probes the post with a `HEAD` to the same URL ("don't download a body for a 404"), then sends the GET, so every call costs the server two requests; the URL, the status errors (from the probe or the GET), the decoding and `err.url()` are all right.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    // Cheap existence check: a HEAD has no body, so a missing post costs nothing to learn.
    client.head(&url).send().await?.error_for_status()?;
    client
        .get(&url)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await
}
