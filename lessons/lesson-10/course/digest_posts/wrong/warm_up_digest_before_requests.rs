//! Wrong: breaks "`Err(err)` when the request failed (...), and then `digest` is not called" (and "a successful answer's body ... goes to `digest` once": `digest` gets one call no answer asked for)
//! The learner knows that synchronous libraries pay for lazy set-up on their first call (a regex
//! compiled, tables built, a model loaded), so while the requests are on the wire it "warms the
//! digest up" with one call on an empty slice, on the blocking pool, where it costs nothing to the
//! runtime or to the requests. Everything else is the textbook pipeline; but `digest` now runs once
//! per call even when every request fails, and once more than there are bodies when some succeed.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Pay for the digest's first-call set-up while the requests are in flight, not after the
    // first body is in. Nothing to warm up when there is nothing to digest.
    let warm_up = if ids.is_empty() {
        None
    } else {
        Some(tokio::task::spawn_blocking(move || digest(&[])))
    };

    let each = ids.iter().map(|id| async move {
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
    });
    let results = join_all(each).await;

    if let Some(warm_up) = warm_up {
        // Its value is of no use, only the set-up it did; a panic is passed on.
        if let Err(err) = warm_up.await {
            std::panic::resume_unwind(err.into_panic());
        }
    }
    results
}
