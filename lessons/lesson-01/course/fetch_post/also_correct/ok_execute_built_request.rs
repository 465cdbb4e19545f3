//! Correct, written another way: builds the `Request` with `Client::request(Method::GET, ..)` and a `concat` of the URL parts, sends it with `Client::execute`, and judges the status with a `match` on `error_for_status` instead of `?` chaining.

use lesson_support::models::Post;
use reqwest::{Client, Method};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // Build the request first, then hand it to the client: the same GET that `.send()` makes.
    let request = client
        .request(
            Method::GET,
            [base_url, "/posts/", id.to_string().as_str()].concat(),
        )
        .build()?;
    let response = client.execute(request).await?;

    match response.error_for_status() {
        // A success: the body is the post (or a decode error if it is not one).
        Ok(response) => response.json::<Post>().await,
        // A 4xx or 5xx: its body is not read at all.
        Err(status_error) => Err(status_error),
    }
}
