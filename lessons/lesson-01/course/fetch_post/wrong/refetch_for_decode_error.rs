//! Wrong: breaks "exactly one GET per call … No retry" on bad bodies only: it reads the bytes to log them when they are not a post, and since a `serde_json::Error` is not a `reqwest::Error`, it asks the server again with `.json()` just to get an error of the right type (two GETs for an HTML page or a to-do).

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let bytes = client
        .get(&url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    match serde_json::from_slice::<Post>(&bytes) {
        Ok(post) => Ok(post),
        Err(parse_error) => {
            eprintln!(
                "post {id} is not a post ({parse_error}): {}",
                String::from_utf8_lossy(&bytes)
            );
            // The function returns `reqwest::Error`, and only reqwest can make one: let its own
            // decoder fail the same way.
            client
                .get(&url)
                .send()
                .await?
                .error_for_status()?
                .json()
                .await
        }
    }
}
