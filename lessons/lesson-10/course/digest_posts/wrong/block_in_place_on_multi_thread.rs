//! Wrong: breaks "`digest` never runs on a thread of the runtime"
//! The learner has read tokio's docs: `block_in_place` runs blocking code on the worker thread
//! itself, after handing that worker's other tasks to a fresh thread, which "can be more
//! efficient than spawn_blocking" (no move of the body to another thread), but it panics on a
//! current-thread runtime. So the code asks which runtime it is on: on a current-thread runtime
//! the digest goes to `spawn_blocking`; on a multi-thread runtime it runs in `block_in_place`,
//! in the post's own spawned task. Every request is a spawned task, all in flight together, so
//! the digests of different posts still run side by side, and since `block_in_place` hands the
//! worker's place over, a task or loop beside the call keeps ticking. But on a multi-thread
//! runtime each digest runs on a thread that was, a moment ago, one of the runtime's workers.

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::{Handle, RuntimeFlavor};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // `block_in_place` panics on a current-thread runtime: use it only where it is allowed.
    let in_place = Handle::current().runtime_flavor() == RuntimeFlavor::MultiThread;
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(pipeline(client, url, digest, in_place))
        })
        .collect();
    join_all(tasks)
        .await
        .into_iter()
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
}

async fn pipeline(
    client: Client,
    url: String,
    digest: fn(&[u8]) -> u64,
    in_place: bool,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    if in_place {
        Ok(tokio::task::block_in_place(|| digest(&body)))
    } else {
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    }
}
