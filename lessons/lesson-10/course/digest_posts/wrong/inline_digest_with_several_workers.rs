//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running, and the digests of different posts run at the same time"
//! Each post is a task of its own, as in the lesson's batch, and the digest goes to
//! `spawn_blocking` only when the runtime has a single worker thread. On a runtime with several
//! workers it runs inline in its task, on a worker. The learner's reasoning comes from the
//! chapter: a current-thread runtime has nothing else to run its tasks, but the default runtime
//! has a worker per core, which is just the "bounded pool sized for computing" the chapter
//! recommends for CPU work (tokio's blocking pool is "sized for waiting"), and the other
//! workers keep the runtime going. Every check run on a current-thread runtime, as
//! `#[tokio::test]` builds, sees the digests on the blocking pool: no heartbeat gap, 131 slow
//! digests overlapping. On a multi-thread runtime the digests hold its workers: with more
//! slow digests than workers, they queue (the chapter's two-worker staircase), and the
//! runtime's other tasks wait with them.

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::Handle;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // With one worker, a digest in a task stops everything; with several, the other workers
    // keep running the runtime's tasks while one computes.
    let several_workers = Handle::current().metrics().num_workers() > 1;
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
                if several_workers {
                    Ok::<u64, reqwest::Error>(digest(&body))
                } else {
                    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
                    Ok::<u64, reqwest::Error>(
                        digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
                    )
                }
            })
        })
        .collect();
    join_all(tasks)
        .await
        .into_iter()
        // A task only fails to join if it panicked; pass the panic on.
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
}
