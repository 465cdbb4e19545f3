//! Wrong: breaks "`digest` never runs on a thread of the runtime"
//! The learner has read that `block_in_place` avoids `spawn_blocking`'s thread hop and the copy
//! into a `'static` closure, and that it panics on a current-thread runtime and costs a worker
//! while it runs. So it uses it only where that cost is small: on a multi-thread runtime with at
//! least four workers ("three others keep the runtime going"); everywhere else, and so on one
//! thread or two workers, each digest goes to `spawn_blocking`. Each post is a spawned task, as in
//! the lesson's batch, so that the blocking digests of different posts still overlap.

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::{Handle, RuntimeFlavor};

/// Below this many workers, parking one for a digest costs too large a share of the runtime.
const WORKERS_TO_SPARE: usize = 4;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let runtime = Handle::current();
    let in_place = runtime.runtime_flavor() == RuntimeFlavor::MultiThread
        && runtime.metrics().num_workers() >= WORKERS_TO_SPARE;
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let body = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let digested = if in_place {
                    // tokio moves this worker's other tasks to a fresh thread first.
                    tokio::task::block_in_place(|| digest(&body))
                } else {
                    tokio::task::spawn_blocking(move || digest(&body))
                        .await
                        .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
                };
                Ok::<u64, reqwest::Error>(digested)
            })
        })
        .collect();
    join_all(tasks)
        .await
        .into_iter()
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
}
