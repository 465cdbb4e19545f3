//! Wrong: panics on `id == 0` (`NonZeroU64::new(id).expect(..)`, "post ids start at 1") instead of sending `GET {base_url}/posts/0` and reporting the server's answer (a 404 is `NotFound`): the contract says never a panic.

use std::num::NonZeroU64;
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
    // Post ids start at 1 (the first post is /posts/1). A 0 can only be a bug in the caller, and
    // a bug should be loud, not a round trip to the server.
    let id = NonZeroU64::new(id).expect("post ids start at 1");
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
