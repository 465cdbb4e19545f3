//! Right: builds the `Request` first (`client.get(..).build()?`, so `not a url` is a builder error, `Other`, and nothing is sent), puts it back together with `RequestBuilder::from_parts(client.clone(), request)` (a clone of the given client: same pool, same settings), sets `.timeout(limit)` there, and checks the status with `error_for_status_ref()` (borrowing the response, dropped unread on an error) before decoding; every `?` goes through the lesson's `From` impl.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, RequestBuilder};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // An unusable base URL fails here (a builder error) or, for `mailto:`, at `send()`.
    let request = client.get(format!("{base_url}/posts/{id}")).build()?;

    let response = RequestBuilder::from_parts(client.clone(), request)
        .timeout(limit)
        .send()
        .await?;

    // An error status is known from the head: report it without touching the body.
    response.error_for_status_ref()?;

    let post: Post = response.json().await?;
    Ok(post)
}
