//! Wrong: "`Duration::MAX` is the longest timeout there is": the limit is rounded to whole milliseconds through a `u64` with `try_into().unwrap_or_default()` (instead of a truncating `as`), and `Duration::MAX`'s milliseconds do not fit a `u64`, so the "no limit" call gets a timeout of zero and gives up at once with `Timeout`.
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
    // tokio's timer ticks in whole milliseconds: hand reqwest a whole number of them. No `as u64`
    // (clippy: it truncates silently); a value that does not fit falls back to the default.
    let millis: u64 = limit.as_millis().try_into().unwrap_or_default();
    let limit = Duration::from_millis(millis);

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
