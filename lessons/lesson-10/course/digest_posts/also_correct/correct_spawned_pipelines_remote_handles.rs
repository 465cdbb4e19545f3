//! Correct: each post's pipeline is split with `futures::FutureExt::remote_handle`: the `Remote` half runs as a `tokio::spawn`ed task (a clone of `client`, which shares its pool; GET, status, raw bytes, then the digest on `spawn_blocking`), and the call awaits the `RemoteHandle` halves with `join_all`, in the order of `ids`; dropping the call drops the handles, and each `Remote`, woken by its cancelled channel, ends its task (the request with it)
//!
//! A different library route to "spawned tasks, awaited in order": not tokio's `JoinHandle`
//! (which detaches the task when dropped) or a `JoinSet` (which aborts it), but the futures
//! crate's oneshot-backed pair, whose `Remote` also catches a panic in the pipeline and hands
//! it to the handle, where it is resumed as a direct call would. The requests and bodies are
//! read by tasks of the runtime, each digest runs on tokio's blocking pool as soon as its body
//! is in, and all pipelines run side by side whether or not the caller polls the call. What a
//! strict check might trip on: the work happens in tasks other than the caller's, which go on
//! running while the caller is not polled; a dropped call's tasks end a moment later, once
//! woken by their cancelled channel, not at the drop itself (a digest already started on the
//! blocking pool runs to its end, as it does with the reference).

use futures::FutureExt;
use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let handles: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let pipeline = async move {
                let body = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
                Ok::<u64, reqwest::Error>(
                    digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
                )
            };
            let (remote, handle) = pipeline.remote_handle();
            tokio::spawn(remote);
            handle
        })
        .collect();
    join_all(handles).await
}
