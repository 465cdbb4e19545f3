//! Wrong: the contract's request is one GET `{base_url}/posts/{id}`; this asks the collection with JSONPlaceholder's filter, GET `{base_url}/posts?id={id}`, takes the first post of the list and calls an empty list `NotFound`, so a server that serves only `/posts/{id}` is never asked for it.

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
    // JSONPlaceholder filters any collection by field: `/posts?id=3` is `[post 3]`, and `[]`
    // when there is no such post, which is a clearer "not found" than a 404 with `{}`.
    let response = client
        .get(format!("{base_url}/posts"))
        .query(&[("id", id)])
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;
    let asked = response.url().to_string();
    let mut posts = response.json::<Vec<Post>>().await?;
    if posts.is_empty() {
        return Err(ApiError::NotFound { url: asked });
    }
    Ok(posts.swap_remove(0))
}
