//! Correct, written another way: each digest runs on a `std::thread` of its own, which sends the
//! result back over a `futures::channel::oneshot`; the task awaits the receiver (never `.join()`).
//!
//! The request and its body are read by async code on the runtime, as in the reference; only
//! the digest leaves it, for a fresh thread that owns the body (`Bytes`) and the `fn` pointer.
//! Awaiting the receiver gives the worker thread back to the runtime while the digest runs, so
//! the heartbeat keeps ticking, and the digests of posts whose bodies are in run side by side,
//! as many at once as there are bodies, without touching tokio's blocking pool. `join_all`
//! keeps every pipeline in flight together and returns the results in the order of `ids`.
//! A receiver that is cancelled means the thread dropped its sender without sending, that is a
//! panic in `digest`, which the contract rules out.

use futures::channel::oneshot;
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
        let body = response.error_for_status()?.bytes().await?;
        let (sender, receiver) = oneshot::channel();
        std::thread::spawn(move || {
            // The receiver is gone only if the caller dropped this future: nobody waits then.
            let _ = sender.send(digest(&body));
        });
        let digested = receiver
            .await
            .expect("a digest thread ended without sending its result");
        Ok::<u64, reqwest::Error>(digested)
    });
    join_all(each).await
}
