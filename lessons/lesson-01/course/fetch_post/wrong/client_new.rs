//! Wrong: builds a fresh `Client` for the request instead of using the one given (and its pool
//! of connections, its timeouts, its user agent).

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(_client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let client = Client::new();
    client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
