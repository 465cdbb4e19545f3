//! Wrong: breaks "it awaits, never blocks the thread": a "be polite to the API" pause uses `std::thread::sleep`, which stalls the whole runtime thread for 50 ms on every call.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

/// A short pause before each request, so that a loop over many ids does not hammer the server.
const POLITE_PAUSE: Duration = Duration::from_millis(50);

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    std::thread::sleep(POLITE_PAUSE);

    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    let response = response.error_for_status()?;
    response.json().await
}
