//! Wrong: the request must be GET `{base_url}/posts/{id}`; this asks for `{base_url}/posts/{id}/` with a trailing slash (the canonical form of a Django REST framework detail URL), a different path that a server routing `/posts/{id}` answers with a 404 (or a redirect), and the `NotFound`/`Status` URL is not the one the contract names.

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
    // Detail URLs end in a slash (`/posts/1/`): asking for the canonical form saves the
    // redirect that a REST framework sends for `/posts/1`.
    let url = format!("{base_url}/posts/{id}/");
    let post = client
        .get(url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
