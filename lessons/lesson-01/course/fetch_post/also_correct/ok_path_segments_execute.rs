//! Correct, written another way: no `format!` for the URL; it builds a `Request` on `base_url` with `client.get(..).build()`, appends `posts` and the id with `Url::path_segments_mut` (which keeps the base URL's own path), sends it with `client.execute`, and checks the status with `error_for_status_ref`.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // A request aimed at the base URL, then two path segments added to its URL: `/api/v1`
    // stays, and `posts/{id}` goes after it.
    let mut request = client.get(base_url).build()?;
    if let Ok(mut segments) = request.url_mut().path_segments_mut() {
        segments.push("posts").push(&id.to_string());
    }

    // `execute` sends a built request through the client: same pool, headers and timeouts.
    let response = client.execute(request).await?;
    response.error_for_status_ref()?;
    let post = response.json::<Post>().await?;
    Ok(post)
}
