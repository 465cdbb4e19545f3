//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed"
//! Drives one pipeline per id (send, status check, raw bytes, digest on the blocking pool)
//! through `StreamExt::buffered(ids.len())`: "as many in flight as there are ids, so all of them
//! at once, and `buffered` keeps the order of `ids`". That is right for every non-empty list. But
//! for an empty `ids` the limit is 0: `Buffered` never polls its inner stream (its queue is never
//! below the limit), so the stream is never seen to end, and with no future queued and no waker
//! registered the call waits forever instead of returning an empty `Vec`. A learner tests with
//! posts 1 to 6 and never thinks of `buffered(0)`; `join_all` over nothing returns at once.

use futures::stream::{self, StreamExt};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // As many in flight as there are ids: all of them at once, results in the order of `ids`.
    let in_flight = ids.len();
    stream::iter(ids)
        .map(|id| async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        })
        .buffered(in_flight)
        .collect()
        .await
}
