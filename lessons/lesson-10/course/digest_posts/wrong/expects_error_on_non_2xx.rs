//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; a failed connection)"
//! Decides with `status().is_success()` (2xx, like `response.ok` in JavaScript) and, for
//! anything else, returns `response.error_for_status().expect_err(..)`, to get reqwest's error
//! that carries the status. The learner's reasoning: "an answer is 2xx or an error status; 1xx
//! never reaches me, and reqwest follows the 3xx itself". But reqwest follows only 301, 302,
//! 303, 307 and 308, and only with a `Location`: a 300, a 304, or a redirect without `Location`
//! comes back as it is. It is not an error status, so `error_for_status` gives it back as `Ok`,
//! and `expect_err` panics (in a task of `join_all`, so the whole call panics) where the contract
//! wants `Ok(digest(body))`, and where it promises no panic. The checks' statuses (200, 404,
//! 429, 503) all behave.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        if !response.status().is_success() {
            // Not a 2xx: hand back reqwest's own error, which carries the status; never digest it.
            return Err(response
                .error_for_status()
                .expect_err("a status other than 2xx is an error status"));
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
