//! Wrong: breaks "one GET `{base_url}/posts/{id}`, sent through `client` whatever `limit` is" and "`Duration::ZERO` is a timeout of zero (give up at once, `Timeout`)": seeing that a zero limit can never be met, it does not open a connection just to drop it, and reports the spent budget the only way it can without a `reqwest::Error` in hand, an `Elapsed` from `tokio::time::timeout(ZERO, …)` turned by `?` into `ApiError::Deadline`; so `Duration::ZERO` gives `Deadline` (at once) instead of `Timeout`, and every other limit, 1 ns and `Duration::MAX` included, is exactly right.

use std::future;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::{ApiError, fetch_json};

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // No time at all: the answer cannot arrive, so do not bother the server (a connection
    // opened only to be dropped). `timeout` on a future that never finishes gives the
    // `Elapsed` at once, and `?` turns it into this lesson's "out of time" error.
    if limit.is_zero() {
        tokio::time::timeout(limit, future::pending::<()>()).await?;
    }

    fetch_json::<Post>(client.get(format!("{base_url}/posts/{id}")).timeout(limit)).await
}
