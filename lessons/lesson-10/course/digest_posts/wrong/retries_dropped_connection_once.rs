//! Wrong: breaks "`Err(err)` when the request failed (… a failed connection), and then `digest` is not called"
//! A request whose connection drops before any answer is sent again once: "the server closed an
//! idle connection, a second try on a new one will work", as `urllib3`'s retries do. But a GET the
//! server received and never answered is its failure to report, not to hide.

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
        // The request is async: it waits on the runtime without holding a thread.
        let url = format!("{base_url}/posts/{id}");
        let response = match client.get(&url).send().await {
            // The connection dropped before an answer: try once more on a new one.
            Err(err) if err.is_request() && !err.is_connect() && !err.is_timeout() => {
                client.get(&url).send().await?
            }
            other => other?,
        };
        let body = response.error_for_status()?.bytes().await?;
        // The digest blocks, so it runs on tokio's blocking pool. `Bytes` is cheap to move in,
        // and the task awaits the result without holding its own thread meanwhile.
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        // A `JoinError` means the digest panicked (the contract says it never does) or the
        // runtime is shutting down: pass a panic on, as calling `digest` directly would.
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    // Every request in flight together, each digested as soon as its own body is in, and the
    // results in the order of `ids`.
    join_all(each).await
}
