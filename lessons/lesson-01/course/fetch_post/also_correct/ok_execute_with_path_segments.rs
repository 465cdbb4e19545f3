//! Correct, written another way: it builds the `Request` from the base URL and extends the URL with `path_segments_mut` (`/api/v1` + `posts` + `7`, and a bare host's lone `/` is not doubled), sends it with `Client::execute`, and decodes with a turbofish as the last expression.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // An unparsable base URL becomes reqwest's own builder error here, not a panic.
    let mut request = client.get(base_url).build()?;
    let id = id.to_string();
    // An http(s) URL always has path segments; only a `mailto:`-like URL would not.
    if let Ok(mut segments) = request.url_mut().path_segments_mut() {
        // `pop_if_empty` drops a trailing empty segment, so nothing ends up as `//posts`.
        segments.pop_if_empty().push("posts").push(&id);
    }

    let response = client.execute(request).await?;
    let response = response.error_for_status()?;
    response.json::<Post>().await
}
