//! Correct, written another way: the request is built with `Client::request(Method::GET, ..)`
//! (what `get` calls), the status is judged inside the send's own `Result` with
//! `Result::and_then(Response::error_for_status)` instead of a second `?` in a chain, and the
//! body is decoded with an explicit `json::<Post>()`, `?`, and `Ok(..)` instead of being the
//! function's tail expression.

use lesson_support::models::Post;
use reqwest::{Client, Method, Response};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let response = client
        .request(Method::GET, url)
        .send()
        .await
        .and_then(Response::error_for_status)?;
    let post = response.json::<Post>().await?;
    Ok(post)
}
