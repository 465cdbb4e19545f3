//! Wrong: breaks "a timeout of `limit` for this request … give up once `limit` has passed, not before it": `limit` is capped at the client's 30 s (`limit.min(REQUEST_TIMEOUT)`, "a request may shorten the client's bound, not lengthen it"), so a caller who allows 60 s is given up on at 30 s; the chapter's row 4 says a request's own timeout replaces the client's, longer or shorter. Every limit up to 30 s is right.

use std::time::Duration;

use lesson_support::client::REQUEST_TIMEOUT;
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
    // The client's timeout is the ceiling every request of the program agreed to: a single
    // call may ask to give up sooner, not to wait longer.
    let limit = limit.min(REQUEST_TIMEOUT);

    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
