//! Correct: the blocking task returns nothing: the digest's value is published in a per-post
//! `Arc<OnceLock<u64>>` that the blocking closure fills, and the pipeline awaits the blocking
//! task's `JoinHandle<()>` only to know that it has finished (a `JoinError`, which only a panic
//! could cause, is passed on), then reads the value from the cell. Each post's pipeline is a
//! named `async fn` (GET, status, raw bytes on the runtime, then the digest on tokio's blocking
//! pool as soon as the body is in), and `join_all` runs them all together, in the order of `ids`.

use std::sync::{Arc, OnceLock};

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(
        ids.iter()
            .map(|&id| one_post(client, format!("{base_url}/posts/{id}"), digest)),
    )
    .await
}

/// One post, from its GET to its digest.
async fn one_post(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let cell: Arc<OnceLock<u64>> = Arc::new(OnceLock::new());
    let writer = Arc::clone(&cell);
    let finished = tokio::task::spawn_blocking(move || {
        // The cell is this task's alone: the first `set` always succeeds.
        let _ = writer.set(digest(&body));
    })
    .await;
    if let Err(err) = finished {
        std::panic::resume_unwind(err.into_panic());
    }
    Ok(cell
        .get()
        .copied()
        .unwrap_or_else(|| unreachable!("a finished digest task always fills its cell")))
}
