//! Also correct: a clone of the given client (it shares the same pool), and a `match` on the
//! status check instead of `?`.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let client = client.clone();
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    match response.error_for_status() {
        Ok(response) => response.json().await,
        Err(err) => Err(err),
    }
}
