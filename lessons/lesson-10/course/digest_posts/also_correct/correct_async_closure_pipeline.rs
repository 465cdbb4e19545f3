//! Correct: each post's pipeline is an async closure (stable since Rust 1.85, `async |id| { .. }`), not an async block built inside `Iterator::map`: the closure borrows `client`, `base_url` and `digest` from the call once, every call of it returns a future that borrows the closure, and a plain `for` loop collects those futures (one per entry of `ids`, repeats included) into a `Vec` that `join_all` runs together; the error type is pinned by `Ok::<u64, reqwest::Error>` at the end of the closure, so `?` needs no annotation elsewhere.
//! What each pipeline does is the reference's: GET `{base_url}/posts/{id}` through `client`,
//! `error_for_status`, the raw bytes read on the runtime, then the digest on tokio's blocking
//! pool, awaited; a `JoinError` (a panic, which the contract rules out) is passed on. A check that
//! looks for a particular shape (an async block in `map`, a spawned task) would miss that this is
//! the same pipeline, all in flight together, results in the order of `ids`.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let pipeline = async |id: u64| {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        let value = digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        Ok::<u64, reqwest::Error>(value)
    };
    let mut running = Vec::with_capacity(ids.len());
    for &id in ids {
        running.push(pipeline(id));
    }
    join_all(running).await
}
