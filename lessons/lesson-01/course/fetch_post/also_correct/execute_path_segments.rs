//! Right: builds the request with `client.get(base_url).build()`, appends `posts` and the id with `path_segments_mut` (which keeps the base path), and sends it with `client.execute`.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let mut request = client.get(base_url).build()?;
    if let Ok(mut segments) = request.url_mut().path_segments_mut() {
        // `pop_if_empty` drops the empty segment of a bare `http://host/`, so the result is
        // `/posts/7` there and `/api/v1/posts/7` under a base with a path.
        segments.pop_if_empty().push("posts").push(&id.to_string());
    }

    let response = client.execute(request).await?;
    let response = response.error_for_status()?;
    let post = response.json::<Post>().await?;
    Ok(post)
}
