//! Wrong: a successful answer whose body is cut short (the connection drops mid-body, or the JSON stops before its end) is asked for once more with the time left, though the contract says one call, one request, and a cut-short body is `Decode` at once.

use std::error::Error as _;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = tokio::time::Instant::now();
    let response = client
        .get(&url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;
    match response.json::<Post>().await {
        Ok(post) => Ok(post),
        Err(err) if cut_short(&err) => {
            // The server did answer, with a success: only the transfer broke. That is a glitch
            // of the network, not a wrong body, so it is worth one more try, still within the
            // caller's `limit` (the time already spent counts).
            let left = limit.saturating_sub(started.elapsed());
            if left.is_zero() {
                return Err(err.into());
            }
            let post = client
                .get(&url)
                .timeout(left)
                .send()
                .await?
                .error_for_status()?
                .json::<Post>()
                .await?;
            Ok(post)
        }
        Err(err) => Err(err.into()),
    }
}

/// Whether a decode error comes from a body that ended early, rather than from a whole body
/// of the wrong shape.
fn cut_short(err: &reqwest::Error) -> bool {
    if !err.is_decode() || err.is_timeout() {
        return false;
    }
    match err.source() {
        // The JSON itself was fine so far, it just stopped.
        Some(source) => match source.downcast_ref::<serde_json::Error>() {
            Some(json) => json.is_eof(),
            // Not serde's error: the transport failed while reading the body.
            None => true,
        },
        None => false,
    }
}
