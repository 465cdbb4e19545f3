//! Wrong: retries a failure that `is_transient()` calls worth retrying (a 5xx, a 429), so one
//! call sends several requests: retrying is the caller's decision, not this function's.

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
    let mut last = None;
    for _ in 0..3 {
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
            Err(err) if err.is_transient() && !matches!(err, ApiError::Timeout(_)) => {
                last = Some(err);
            }
            other => return other,
        }
    }
    Err(last.unwrap())
}
