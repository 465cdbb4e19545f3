//! Wrong: breaks "never a panic": every status that is not a 2xx goes through `error_for_status().expect_err(..)`, which panics on a 3xx that reqwest does not follow (a 300 or 304, a 301/302 without `Location`) because `error_for_status` leaves those `Ok`; every 2xx, 4xx and 5xx, decoding and unreachable server are handled as the contract asks.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;

    // Anything but a 2xx means there is no post to read: hand back reqwest's own status error,
    // so the caller can still see the status with `err.status()`.
    if !response.status().is_success() {
        return Err(response
            .error_for_status()
            .expect_err("a status that is not a success is an error"));
    }

    // A success: the body should be the post.
    response.json().await
}
