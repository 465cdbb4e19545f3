//! Wrong: breaks "nothing of a call outlives it: a call whose future is dropped (a caller's own timeout, a `select!`) stops its request"
//!
//! On an error status it returns `NotFound` or `Status` at once, as it must, but hands the
//! answer to a spawned task that reads the rest of its body in the background. The learner
//! wants both things: report the status as soon as the head arrives, and still read the body
//! whole so the HTTP/1.1 connection goes back to the pool instead of being closed. The task is
//! detached (its `JoinHandle` is dropped), so the call ends while its request is still being
//! read: a 404 whose body stalls keeps its connection open, and the task alive, until `limit`
//! passes (for ever with `Duration::MAX`), long after the caller got its `NotFound`. Every
//! outcome and every timing the caller can see is the reference's; only a check that watches
//! the server's side of the connection after an error status, or the tasks left behind,
//! sees it.

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;
    if let Some(err) = response.error_for_status_ref().err() {
        // The status is the answer: report it now, and let the body finish arriving on its
        // own so that the connection can be reused (the request's timeout still bounds it).
        tokio::spawn(async move {
            let _ = response.bytes().await;
        });
        return Err(err.into());
    }
    let post = response.json::<Post>().await?;
    Ok(post)
}
