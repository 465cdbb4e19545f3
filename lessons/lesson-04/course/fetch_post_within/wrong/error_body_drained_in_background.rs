//! Wrong: "nothing of a call outlives it": on a 404 or any other error status it reports at once, as it should, but first hands the response to a spawned task that reads the error body to its end (so the connection can go back to the pool, like aiohttp's `release()`), and that read goes on after the call has returned, for as long as `limit` allows (for ever with `Duration::MAX`).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Response};

use crate::ApiError;

/// Reads what is left of an answer we no longer need, so that hyper can put its connection
/// back in the pool instead of closing it. The caller does not wait for it: the status is
/// already known.
fn release(response: Response) {
    tokio::spawn(async move {
        let _ = response.bytes().await;
    });
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;
    let status_error = response.error_for_status_ref().err();
    if let Some(err) = status_error {
        // Report the status now; the body drains on its own.
        release(response);
        return Err(err.into());
    }
    let post = response.json::<Post>().await?;
    Ok(post)
}
