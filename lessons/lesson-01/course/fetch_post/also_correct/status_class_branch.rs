//! Right: decides from the status class itself (`is_client_error() || is_server_error()`, every 4xx and 5xx, not a list of the usual ones) and only then lets `error_for_status()` build the `Err` that carries the status.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    let status = response.status();
    let response = if status.is_client_error() || status.is_server_error() {
        // Gives the `Err` carrying `status`; the body, whatever it holds, is never read.
        response.error_for_status()?
    } else {
        response
    };
    response.json::<Post>().await
}
