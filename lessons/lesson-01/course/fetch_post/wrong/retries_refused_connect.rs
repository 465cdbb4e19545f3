//! Wrong: breaks "No retry"
//! When the connection is refused, the learner tries once more after a short pause, reasoning
//! that a refused connect never reached the server, so no GET was sent and the second attempt
//! is still "exactly one GET" (and it helps when the mock server is still starting). It is a
//! retry all the same: an unreachable server gets two connection attempts, and a server that
//! comes up in between answers a call that should have failed. A dropped connection is not a
//! connect error, so the "dropped connection asked again" check sees only one request.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");

    let response = match client.get(&url).send().await {
        // Refused before anything was written: nothing reached the server, so one more
        // attempt cannot make the server see two GETs.
        Err(err) if err.is_connect() => {
            tokio::time::sleep(Duration::from_millis(100)).await;
            client.get(&url).send().await?
        }
        other => other?,
    };

    response.error_for_status()?.json::<Post>().await
}
