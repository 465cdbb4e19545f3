//! Wrong: breaks "`Err(ApiError::Decode(..))` when a successful answer's body is not a post: … JSON of another shape" and "`NotFound { url }` for a 404, and only for a 404": it decodes the body as `Option<Post>` ("some APIs, Firebase's for one, answer `200 null` for a missing item"), so a 2xx whose body is `null` is reported as `ApiError::NotFound` instead of `Decode`; every post, every other wrong shape (`[]`, `[post]`, an object without `body`), bad JSON, every status, timing and request count are right.

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;
    let url = response.url().to_string();

    // A missing item is not always a 404: an API that answers `200 null` means "nothing
    // there" just as well. `Option<Post>` decodes `null` as `None`, and a post as `Some`.
    match response.json::<Option<Post>>().await? {
        Some(post) => Ok(post),
        None => Err(ApiError::NotFound { url }),
    }
}
