//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! The learner copies each body into a scratch buffer that belongs to the blocking thread and lives as long as it does
//! (a `thread_local!`), so the response's `Bytes` can be freed before a digest that may run for seconds, and a thread of tokio's
//! pool, which tokio reuses for later calls, never allocates again: the C habit of a static work area. It grows the buffer to the
//! largest body it has seen and never shrinks it, then hands `digest` the whole buffer instead of `&scratch[..len]`. On the first
//! call everything is right. Later, a shorter body digested on a thread that once held a longer one comes with the old body's tail.

use std::cell::RefCell;

use futures::future::join_all;
use reqwest::Client;

thread_local! {
    /// One work area per thread, kept across calls (tokio keeps an idle blocking thread for
    /// a while and hands it the next `spawn_blocking`).
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Runs on a thread of the blocking pool: copies the body into the thread's work area, lets
/// the network buffer go, then digests.
fn digest_in_scratch<B: AsRef<[u8]>>(body: B, digest: fn(&[u8]) -> u64) -> u64 {
    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        let len = body.as_ref().len();
        if scratch.len() < len {
            scratch.resize(len, 0);
        }
        scratch[..len].copy_from_slice(body.as_ref());
        // The response's memory goes back now, not after the digest.
        drop(body);
        digest(&scratch)
    })
}

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
        let digested = tokio::task::spawn_blocking(move || digest_in_scratch(body, digest)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
