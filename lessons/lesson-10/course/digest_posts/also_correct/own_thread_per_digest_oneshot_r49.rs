//! Correct, written another way: each post's pipeline is a future in a `FuturesOrdered`
//! (all polled together, collected in the order of `ids`); the digest runs on a
//! `std::thread` of its own per body, which sends its result back through a
//! `tokio::sync::oneshot` channel that the task awaits (never `.join()`ed), so the runtime's
//! thread is free while it runs and the digests of different posts run side by side.

use futures::StreamExt;
use futures::stream::FuturesOrdered;
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
        .map(|&id| async move {
            let response = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?;
            let body = response.bytes().await?;
            let (done, digested) = oneshot::channel();
            std::thread::spawn(move || {
                // The receiver only goes away if the caller dropped the whole call.
                let _ = done.send(digest(&body));
            });
            // The sender is dropped without a value only if `digest` panicked, which the
            // contract rules out.
            Ok(digested.await.expect("digest thread panicked"))
        })
        .collect();
    pipelines.collect().await
}
