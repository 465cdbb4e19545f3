//! Correct, written another way: it builds the GET with `client.request(Method::GET, ..)`, pins the request to HTTP/1.1 with `.version(Version::HTTP_11)` (what reqwest uses for `http://` anyway), checks the status with `error_for_status_ref()?` as a statement, and decodes with a turbofish.

use lesson_support::models::Post;
use reqwest::{Client, Method, Version};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let response = client
        .request(Method::GET, url.as_str())
        .version(Version::HTTP_11)
        .send()
        .await?;

    // Judge the status on a borrow, then hand the response itself to the decoder.
    response.error_for_status_ref()?;
    response.json::<Post>().await
}
