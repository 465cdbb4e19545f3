//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running"
//! The learner mixes up `tokio::spawn` and `spawn_blocking`: "a task of its own" sounds like "a
//! thread of its own" (Python's `threading.Thread`), and the `JoinHandle` is awaited exactly as the
//! hint shows. But a spawned task runs on the runtime's worker threads: on a current-thread runtime
//! the digest holds the only thread, and on a multi-thread one it holds a worker.

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
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        // The digest gets a task of its own, so this pipeline only waits for its handle.
        let digested = tokio::spawn(async move { digest(&body) }).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
