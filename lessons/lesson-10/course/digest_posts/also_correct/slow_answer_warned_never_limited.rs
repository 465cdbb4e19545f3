//! Correct: a timer of its own, that is no time limit: a post whose head (or whose body) has not
//! come after 10 s is reported once on stderr, and the *same* request is then awaited to its end
//! (never dropped, never sent again), so only the client's own timeouts can end it. On a paused
//! clock the warning is printed at once and changes nothing else.

use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// After this long without an answer, a post is reported as slow (and still waited for).
const SLOW: Duration = Duration::from_secs(10);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let response = warn_if_slow(&url, "its answer", client.get(&url).send())
            .await?
            .error_for_status()?;
        let body = warn_if_slow(&url, "the rest of its body", response.bytes()).await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}

/// Awaits `step` to its end; if it takes longer than [`SLOW`], says so once on stderr first.
async fn warn_if_slow<T>(url: &str, what: &str, step: impl Future<Output = T>) -> T {
    let mut step = std::pin::pin!(step);
    match tokio::time::timeout(SLOW, step.as_mut()).await {
        Ok(done) => done,
        Err(_) => {
            eprintln!("{url}: still waiting for {what} after {SLOW:?}");
            step.await
        }
    }
}
