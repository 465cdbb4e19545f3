//! Wrong: breaks "through `client`"
//! (and with it "the client's timeouts, set by whoever built it, are the limit").
//! It ignores the `client` it is given and sends every request through a `Client::new()` of
//! its own. The chapter says a `Client` keeps its connections on the runtime that opened them,
//! "one client per runtime"; the checks run the function on runtimes of their own, so a
//! learner builds a fresh client "for this runtime" to be safe. Every request still goes out
//! at once and every body is digested on the blocking pool, but the caller's settings are
//! lost: its timeouts (a slow answer now waits forever instead of failing at the caller's
//! limit), its default headers, its resolver, its proxy choice and its connection pool.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // A client opened on the runtime this call runs on (one client per runtime).
    let _ = client;
    let client = &Client::new();
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
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
