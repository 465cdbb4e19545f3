//! Correct: each post's pipeline (GET, status, raw bytes on the runtime, then the digest awaited on
//! `spawn_blocking`) is a detached `tokio::spawn`ed task whose `JoinHandle` is dropped at once; its
//! result comes back over a `tokio::sync::oneshot` channel, and the call awaits the receivers
//! together (`join_all`), in the order of `ids`.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// One post: asked and read on the runtime, digested on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
    url: &str,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let receivers: Vec<oneshot::Receiver<Result<u64, reqwest::Error>>> = ids
        .iter()
        .map(|&id| {
            let (sender, receiver) = oneshot::channel();
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            // Detached: the task runs whether or not its handle is kept; the receiver is what
            // this call waits for.
            drop(tokio::spawn(async move {
                let result = fetch_and_digest(&client, &url, digest).await;
                // Nobody listening means the caller stopped waiting: nothing to do.
                let _ = sender.send(result);
            }));
            receiver
        })
        .collect();
    join_all(receivers)
        .await
        .into_iter()
        // A sender is only dropped unsent if its task panicked, which `digest` never does.
        .map(|received| received.expect("a post's task ended without sending its result"))
        .collect()
}
