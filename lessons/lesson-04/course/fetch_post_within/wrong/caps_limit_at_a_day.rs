//! Wrong: breaks "`Duration::MAX` the longest timeout there is (a caller's "no limit": it too replaces the client's timeout, so the request waits as long as the server takes)"
//!
//! Clamps `limit` to one day before handing it to reqwest. The learner knows that
//! `Instant::now() + Duration::MAX` panics and fears the same inside the timer, so a "no
//! limit" is turned into a limit no HTTP request should come near. Every finite limit a test
//! is likely to pass (microseconds, 150 ms, 600 ms, 45 s) is untouched, and `Duration::MAX`
//! still replaces a short client timeout and never panics; but a server that takes longer than
//! a day (a long poll, a huge export, on tokio's paused clock in no time at all) gets a
//! `Timeout` where the caller asked to wait as long as it takes. (tokio already keeps
//! `Duration::MAX` safe by itself: its own bound is about thirty years.)

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// The longest timeout given to reqwest: `Duration::MAX` overflows a deadline, and a day is
/// more than any request needs.
const LONGEST_LIMIT: Duration = Duration::from_secs(24 * 60 * 60);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let limit = limit.min(LONGEST_LIMIT);
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
