//! Wrong: breaks "sent through `client`" and "each call on its own, keeping nothing between calls": taking the chapter's pitfall ("a new client … builds a new connection pool on every call") one step too far, it keeps the first `Client` it is ever given in a process-wide `OnceLock` ("a `Client` is an `Arc` inside: the clone is the same pool") and sends every later call through that one, whatever client the caller passes; in a process with one client (the lesson's own program) every result, variant, timing and request count is exactly right, but a second client's headers, user agent, proxy rule, connect timeout and pool are never used.

use std::sync::OnceLock;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// The client, and with it the connection pool, that every call of this function shares.
static SHARED: OnceLock<Client> = OnceLock::new();

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // Callers do not always know that a client per call throws the pool away, and may build
    // one for each call. Keep the first one we are handed, and its open connections, for
    // every call after it: one pool for the whole program, as the course recommends.
    let client = SHARED.get_or_init(|| client.clone());

    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
