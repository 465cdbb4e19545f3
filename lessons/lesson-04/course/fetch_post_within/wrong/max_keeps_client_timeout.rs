//! Wrong: breaks "`limit` replaces the client's timeout, longer or shorter, and may be any `Duration`: … `Duration::MAX` a caller's 'no limit of my own'": it reads `Duration::MAX` as "no per-request timeout" and sets none, so the client's 30 s still applies and a server that answers after 45 s gives `Timeout` at 30 s instead of `Ok(post)`; every finite limit, 45 s and `Duration::ZERO` included, is right, and nothing panics.

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
    let mut request = client.get(format!("{base_url}/posts/{id}"));
    // `Duration::MAX` is the caller saying "I have no limit of my own": then there is nothing
    // to put on this request, and it keeps the client's timeout (which also keeps an
    // `Instant + Duration::MAX` out of the timer's arithmetic).
    if limit != Duration::MAX {
        request = request.timeout(limit);
    }

    let post = request
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
