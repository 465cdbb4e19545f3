//! Correct: the fetch and the digest live in different tasks: each GET (status checked, raw bytes
//! read) is a `tokio::spawn`ed task of its own that returns the body, and the call's own future,
//! one small stage per post driven by `join_all`, awaits that task's handle and hands the body to
//! `spawn_blocking` the moment it is in.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Every request starts now, in a task of its own, on the runtime.
    let fetches: Vec<_> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await
            })
        })
        .collect();
    // One stage per post: wait for its body (not for the others), then digest it off the runtime.
    let each = fetches.into_iter().map(|fetch| async move {
        let body = fetch
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        Ok::<u64, reqwest::Error>(digested)
    });
    join_all(each).await
}
