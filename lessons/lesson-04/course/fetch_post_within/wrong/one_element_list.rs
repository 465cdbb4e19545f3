//! Wrong: breaks "`Err(ApiError::Decode(..))` when a successful answer's body is not a post: … JSON of another shape": to cope with json-server's filter answers (`/posts?id=7` gives `[post]`), a 200 whose body is a list is accepted too, its first post returned as `Ok` and an empty list `[]` reported as `NotFound`; a lone post, HTML, an object of the wrong shape and every status are right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

use crate::ApiError;

/// A post, or a list of posts as json-server's filters return.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(Post),
    Many(Vec<Post>),
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let body: OneOrMany = client
        .get(&url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    match body {
        OneOrMany::One(post) => Ok(post),
        OneOrMany::Many(posts) => posts.into_iter().next().ok_or(ApiError::NotFound { url }),
    }
}
