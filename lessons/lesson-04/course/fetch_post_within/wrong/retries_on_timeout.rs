//! Wrong: tries once more after a timeout, so one call can send two requests and take twice
//! `limit`.

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
    let url = format!("{base_url}/posts/{id}");
    let mut attempts = 0;
    loop {
        attempts += 1;
        let result = async {
            let post = client
                .get(&url)
                .timeout(limit)
                .send()
                .await?
                .error_for_status()?
                .json::<Post>()
                .await?;
            Ok::<Post, ApiError>(post)
        }
        .await;
        match result {
            Err(ApiError::Timeout(_)) if attempts < 2 => continue,
            other => return other,
        }
    }
}
