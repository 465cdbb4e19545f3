//! Wrong: one call, one request: when the connection attempt itself times out (the client's 5 s `connect_timeout`, an `is_connect() && is_timeout()` error) and `limit` still has time left, it tries once more with what is left, so a call to a black-holed address makes two connection attempts (a refused connection, a slow server or a 503 is never retried, and checks rarely use an address that drops packets).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::time::Instant;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();
    match client.get(&url).timeout(limit).send().await {
        Ok(response) => Ok(response.error_for_status()?.json::<Post>().await?),
        Err(err) if err.is_connect() && err.is_timeout() => {
            // The SYN went unanswered for the client's connect_timeout, but the caller gave us
            // more time than that: a lost packet deserves a second chance within the budget.
            let left = limit.saturating_sub(started.elapsed());
            if left.is_zero() {
                return Err(err.into());
            }
            crate::fetch_json(client.get(&url).timeout(left)).await
        }
        Err(err) => Err(err.into()),
    }
}
