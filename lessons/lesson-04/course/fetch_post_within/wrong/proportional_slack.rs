//! Wrong: "give up once `limit` has passed": the request's timeout is `limit` plus a tenth (saturating, so ZERO stays ZERO and MAX stays MAX), so a slow server is given up on 10% late (165 ms for 150 ms, 49.5 s for 45 s).

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
    // A tenth of slack on top, so that an answer already on its way is not cut off by a bit
    // of network jitter at the very end. `saturating_add`: `Duration::MAX` must not overflow.
    let timeout = limit.saturating_add(limit / 10);
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(timeout)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
