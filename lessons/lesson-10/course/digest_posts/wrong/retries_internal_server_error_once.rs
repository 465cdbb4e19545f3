//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and "`Err(err)` when the request failed (an error status, any 4xx or 5xx ...)")
//! The learner has read the retry-storm warnings: a 502, 503 or 504 means a proxy or an overloaded
//! server, and a 429 or a 408 means "slow down", so hammering them again makes things worse; those
//! fail at once. But a plain 500 on an idempotent GET is "usually a one-off" (a deadlock victim, a
//! dropped database connection), so a post answered 500 is asked once more, at once, and the second
//! answer counts.

use futures::future::join_all;
use reqwest::{Client, StatusCode};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let mut response = client.get(&url).send().await?;
        if response.status() == StatusCode::INTERNAL_SERVER_ERROR {
            // A one-off server fault: one more try, on a fresh request.
            response = client.get(&url).send().await?;
        }
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
