//! Wrong: breaks "exactly one GET per call, no retry": a 5xx answer is retried once after a short pause, so a failing server sees two GETs (and a transient 503 is hidden from the caller).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");

    let mut response = client.get(&url).send().await?;
    if response.status().is_server_error() {
        // A 5xx is usually a hiccup on the server's side: give it a moment and ask once more.
        tokio::time::sleep(Duration::from_millis(100)).await;
        response = client.get(&url).send().await?;
    }

    response.error_for_status()?.json::<Post>().await
}
