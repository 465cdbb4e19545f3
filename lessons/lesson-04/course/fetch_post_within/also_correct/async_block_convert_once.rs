//! Right: runs the three reqwest steps in an `async` block that yields a plain `reqwest::Result<Post>` (its `?` stay reqwest's own), and converts the one error that may come out with `map_err(ApiError::from)` at the end, instead of converting at each `?`.

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
    let outcome: reqwest::Result<Post> = async {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .timeout(limit)
            .send()
            .await?;
        let response = response.error_for_status()?;
        response.json::<Post>().await
    }
    .await;
    outcome.map_err(ApiError::from)
}
