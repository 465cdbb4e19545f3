//! Wrong: breaks "`Err(ApiError::Connect(..))` when no connection can be made (...), at once (a refused connection is not tried again)": a call whose connection is refused (or whose host does not resolve) tries once more, straight away, and reports `Connect` only when the second attempt fails too; it is still at once (no pause), every other failure is reported after one attempt, and URL, timeout and classification are right.

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
    let url = format!("{base_url}/posts/{id}");
    match get_post(client, &url, limit).await {
        // No connection means the request never reached the server, so asking again is not a
        // retry of the request: a server that is restarting refuses for an instant, and a
        // second attempt right away costs nothing when it refuses again.
        Err(ApiError::Connect(_)) => get_post(client, &url, limit).await,
        other => other,
    }
}

/// One GET of `url`, with `limit` as this request's own timeout.
async fn get_post(client: &Client, url: &str, limit: Duration) -> Result<Post, ApiError> {
    let post = client
        .get(url)
        .timeout(limit)
        .send()
        .await? // each `?` turns a reqwest::Error into the right ApiError (lib.rs)
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
