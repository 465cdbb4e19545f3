//! Correct, written another way: each digest on a `std::thread` of its own, its result awaited through a `tokio::sync::oneshot` channel (never `.join()`ed), the pipelines driven together by a `FuturesOrdered`, which yields them in the order of `ids`.
//! The requests are sent and their bodies read on the runtime; once a body is in, a new thread
//! digests it at once, whatever the other requests are doing, and the task awaits the channel,
//! which gives the runtime's thread back. Threads of one's own, awaited without blocking, are
//! what the contract allows besides the blocking pool. An error (status or connection, head or
//! body) returns before any thread is started, so `digest` is not called.

use futures::stream::{FuturesOrdered, StreamExt};
use reqwest::Client;
use tokio::sync::oneshot;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let pipelines: FuturesOrdered<_> = ids
        .iter()
        .map(|id| async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let (sender, receiver) = oneshot::channel();
            // A thread of our own owns the body; it sends the digest back and ends. Nobody
            // joins it: the channel is what we wait on, with `.await`.
            std::thread::spawn(move || {
                // The receiver is only gone if this future was dropped: nobody wants the value.
                let _ = sender.send(digest(&body));
            });
            match receiver.await {
                Ok(digested) => Ok::<u64, reqwest::Error>(digested),
                // The sender is dropped unsent only if `digest` panicked, which it never does.
                Err(_) => unreachable!("the digest thread ended without an answer"),
            }
        })
        .collect();
    pipelines.collect::<Vec<_>>().await
}
