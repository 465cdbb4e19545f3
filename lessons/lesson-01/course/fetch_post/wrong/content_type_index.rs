//! Wrong: breaks "never a panic": to mimic aiohttp's `ContentTypeError` warning it indexes the headers with `headers()[CONTENT_TYPE]`, which panics when a 2xx answer carries no `Content-Type` at all (a post served as bare bytes should be `Ok(post)`).

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::CONTENT_TYPE;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?;
    // aiohttp refuses a body not labelled JSON; reqwest does not look. Say so, at least.
    let content_type = response.headers()[CONTENT_TYPE].to_str().unwrap_or("");
    if !content_type.contains("json") {
        eprintln!("warning: post {id} came as {content_type:?}, not JSON; trying anyway");
    }
    response.json().await
}
