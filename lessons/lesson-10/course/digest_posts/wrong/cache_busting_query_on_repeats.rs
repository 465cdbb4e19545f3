//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)"
//! An id listed twice gets a query on its second URL, `?copy=2`, "so that no cache along the way
//! answers the second one from the first": the Python habit of cache-busting. The server is asked
//! for another resource than `{base_url}/posts/{id}`.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().enumerate().map(|(i, id)| async move {
        // A repeat gets a query of its own, so no cache answers it from the first.
        let copies = ids[..i].iter().filter(|earlier| *earlier == id).count();
        let url = if copies == 0 {
            format!("{base_url}/posts/{id}")
        } else {
            format!("{base_url}/posts/{id}?copy={}", copies + 1)
        };
        // The request is async: it waits on the runtime without holding a thread.
        let body = client
            .get(url)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
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
