//! Wrong: "`NotFound` for a 404, and only for a 404" is broken: a 405 Method Not Allowed is also reported as `NotFound` ("no GET route at that URL means nothing there"), instead of `Status { status: 405, .. }`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

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

    match response.error_for_status() {
        Ok(response) => Ok(response.json::<Post>().await?),
        // No route answers GET here: for the caller that is the same as a missing post.
        Err(err) if err.status() == Some(StatusCode::METHOD_NOT_ALLOWED) => {
            Err(ApiError::NotFound {
                url: err.url().map(ToString::to_string).unwrap_or_default(),
            })
        }
        Err(err) => Err(err.into()),
    }
}
