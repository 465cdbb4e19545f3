//! Correct, written another way: each pipeline only *starts* its digest (`spawn_blocking` the
//! moment its body is in, which runs at once on the blocking pool whether or not its handle is
//! polled) and returns the `JoinHandle`; the handles are awaited afterwards, in the order of `ids`.
//! The digests still begin as soon as each body is in and run side by side off the runtime; only
//! the collecting of their results waits, which the contract allows.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let started = join_all(ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        // Tokio's tasks are eager: the digest starts now, not when the handle is awaited.
        Ok::<_, reqwest::Error>(tokio::task::spawn_blocking(move || digest(&body)))
    }))
    .await;

    let mut results = Vec::with_capacity(ids.len());
    for outcome in started {
        results.push(match outcome {
            Ok(handle) => Ok(handle
                .await
                .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))),
            Err(err) => Err(err),
        });
    }
    results
}
