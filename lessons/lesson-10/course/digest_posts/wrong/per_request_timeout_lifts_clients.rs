//! Wrong: breaks "a slow answer is waited for, with no time limit of your own (the client's timeouts, set by whoever built it, are the limit)"
//! The aiohttp habit: a `ClientSession` comes with a default total timeout (five minutes), and "no
//! time limit" is written per request as `timeout=ClientTimeout(total=None)`. The learner does the
//! same for whatever `client` it is handed: reqwest has no "none" per request, so each request gets
//! `RequestBuilder::timeout` of a day, "as good as none", which *replaces* the client's own
//! timeout. So a client built with a 2 s timeout waits a day, and a timer of the function's own is
//! armed on every request. A check sees it two ways: on a runtime whose clock is paused, the
//! day-long timer ends as soon as the call waits for a slow server (an `Err` where the answer
//! should be digested); and through a client built with a short timeout, a post slower than it is
//! digested instead of being an `Err`.

use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// "No limit": a day, since a request's timeout cannot be switched off.
const NO_LIMIT: Duration = Duration::from_secs(24 * 60 * 60);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .timeout(NO_LIMIT)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
