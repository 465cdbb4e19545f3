//! Wrong: breaks "with the URL that was asked for": `NotFound` and `Status` carry the route template `{base_url}/posts/{id}` (a literal `{id}`) instead of the URL of the post, the habit of someone who feeds error URLs to Sentry or Prometheus and keeps their cardinality low.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure. Status errors name the
/// route they came from, so that the same failure on many posts groups under one key.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    let route = || format!("{base_url}/posts/{{id}}");
    crate::fetch_json::<Post>(request)
        .await
        .map_err(|err| match err {
            ApiError::NotFound { .. } => ApiError::NotFound { url: route() },
            ApiError::Status { status, .. } => ApiError::Status {
                status,
                url: route(),
            },
            other => other,
        })
}
