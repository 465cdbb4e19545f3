//! Wrong: breaks "one call, one request, whatever happens: no retry" and "`NotFound { url }` for a 404 … known as soon as the answer's head arrives: report it then": like a client that knows Django's `APPEND_SLASH` and DRF's routers (which route `/posts/{id}/` and 404 the spelling without the slash), on a 404 it asks once more for `{base_url}/posts/{id}/`, within what is left of `limit`, and reports `NotFound` (with the URL first asked for) only if that answer is a 404 too; every other status, every success, timeout, connect failure and body is one request and exactly right, but each 404 costs two requests and the wait for the second answer (and a server that serves the slash spelling turns the 404 into `Ok`).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};
use tokio::time::Instant;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();
    let response = client.get(url.as_str()).timeout(limit).send().await?;

    // Many frameworks (Django with `APPEND_SLASH`, DRF's default router, Rails with
    // `trailing_slash`) route `/posts/{id}/` and answer 404 to the spelling without the slash.
    // Before telling the caller the post does not exist, try the other spelling once, within
    // what is left of the caller's limit. A 404 to both is a real 404.
    let response = if response.status() == StatusCode::NOT_FOUND {
        drop(response);
        let left = limit.saturating_sub(started.elapsed());
        let again = client.get(format!("{url}/")).timeout(left).send().await?;
        if again.status() == StatusCode::NOT_FOUND {
            return Err(ApiError::NotFound { url });
        }
        again
    } else {
        response
    };

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
