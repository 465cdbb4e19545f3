//! Wrong: bounds the call with `tokio::time::timeout`, which reports `Deadline` (our own clock)
//! where the contract asks for the request's own timeout and `Timeout`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let request = async {
        let post = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await?;
        Ok::<Post, ApiError>(post)
    };
    tokio::time::timeout(limit, request).await?
}
