//! Wrong: breaks "exactly one GET per call … No retry": when the body's `id` differs from the `id` asked for, it suspects a stale cache and sends a second GET, returning whatever that one brings (so the post returned is still the body's, post 8 for `/posts/7`; only the request count is off).

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let post: Post = client
        .get(&url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    if post.id == id {
        return Ok(post);
    }
    // A proxy or a cache in front of the API can hand out the wrong object now and then:
    // ask once more, and trust that answer (the server has the last word on what post it is).
    client
        .get(&url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
