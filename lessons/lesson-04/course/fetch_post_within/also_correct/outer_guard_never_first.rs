//! Right: the per-request `.timeout(limit)` does the work, and the whole call is also wrapped, belt and braces, in `tokio::time::timeout(limit.saturating_add(1 s), …)` (whose `Elapsed` would be `Deadline` through `?`); reqwest's own timer always fires first (at `limit`, for the head and the body alike), `saturating_add` keeps `Duration::MAX` from panicking, and tokio's timeout with `Duration::MAX` never fires, so every outcome is the plain one.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::{ApiError, fetch_json};

/// How long after `limit` the outer guard would give up if reqwest's timer somehow did not.
const GUARD_MARGIN: Duration = Duration::from_secs(1);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);
    // The outer `?` is the guard's (`Elapsed` into `ApiError::Deadline`); it never fires
    // before reqwest's timer, which runs from the same start and ends a second earlier.
    tokio::time::timeout(
        limit.saturating_add(GUARD_MARGIN),
        fetch_json::<Post>(request),
    )
    .await?
}
