//! Right: folds the status check into `send()`'s own result with `Result::and_then(Response::error_for_status)`, so one `?` covers both the transport and the status (the lesson's `From` impl sorts either), then decodes with a second `?`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Response};

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
        .await
        .and_then(Response::error_for_status)?;
    Ok(response.json::<Post>().await?)
}
