//! Correct: builds the `Request` first (`RequestBuilder::build`), sets its timeout through `Request::timeout_mut`, and sends it with `Client::execute`: the same request through the same client (its default headers are added at `execute`), a base URL no request can go to is the same builder error (`Other`), only at `build()` instead of `send()`.

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
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    *request.timeout_mut() = Some(limit);
    let post = client
        .execute(request)
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
