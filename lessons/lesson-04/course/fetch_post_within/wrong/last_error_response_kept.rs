//! Wrong: "nothing of a call outlives it / keeping nothing between calls": the last error response (404, 4xx, 5xx) is stashed, unread, in a static "for debugging", so its connection and body stay open after the call returns, until the next error replaces it.

use std::sync::Mutex;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Response};

use crate::ApiError;

/// The most recent failing answer, kept so a debugger (or a later log line) can look at its
/// headers. Only the head is kept: the body is never read here.
static LAST_ERROR_RESPONSE: Mutex<Option<Response>> = Mutex::new(None);

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
    if let Err(err) = response.error_for_status_ref() {
        // Classify first, then keep the response around for inspection.
        let api_error = ApiError::from(err);
        if let Ok(mut slot) = LAST_ERROR_RESPONSE.lock() {
            *slot = Some(response);
        }
        return Err(api_error);
    }
    let post = response.json::<Post>().await?;
    Ok(post)
}
