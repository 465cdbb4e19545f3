//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; ...), and then `digest` is not called"
//! for a 404 or a 410: the answer is taken for a deleted post, "an empty post", and its result is
//! `Ok(digest(b""))`: `digest` is called with an empty body and the call returns `Ok` where the
//! contract asks for an `Err` carrying the status. Every other 4xx and 5xx is an `Err`.
//! Why a learner would think it right: tombstone handling from sync jobs and crawlers ("a 404 or
//! 410 means the item is gone; record it as empty so the batch still has a digest for every id"),
//! and `requests`-style code where only "real" failures raise. The empty digest still goes to
//! the blocking pool; otherwise the reference pipeline.

use futures::future::join_all;
use reqwest::{Client, StatusCode};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| {
        let url = format!("{base_url}/posts/{id}");
        async move {
            let response = client.get(url).send().await?;
            let status = response.status();
            // A post that is gone is an empty post, not a failure of the batch.
            let body = if status == StatusCode::NOT_FOUND || status == StatusCode::GONE {
                None
            } else {
                Some(response.error_for_status()?.bytes().await?)
            };
            let digested =
                tokio::task::spawn_blocking(move || digest(body.as_deref().unwrap_or(&[]))).await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        }
    });
    join_all(each).await
}
