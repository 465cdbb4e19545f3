//! Correct: the Python "worker on a queue" shape, done without a bottleneck: one spawned dispatcher
//! task owns the hand-off to the blocking pool. Each pipeline (GET, status, raw bytes, all on the
//! runtime, all at once) sends its digest job, a boxed closure, down an unbounded `mpsc` channel
//! and awaits the answer on a `oneshot`; the dispatcher never awaits a digest, it only
//! `spawn_blocking`s each job the moment it arrives, so digests start as soon as their body is in
//! and run side by side. The dispatcher ends when the last sender is dropped.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::{mpsc, oneshot};

/// A digest to run on the blocking pool, its answer sent back by the closure itself.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (jobs, mut queue) = mpsc::unbounded_channel::<Job>();
    // Never awaits a digest: every job goes to its own blocking-pool thread at once.
    tokio::spawn(async move {
        while let Some(job) = queue.recv().await {
            drop(tokio::task::spawn_blocking(job));
        }
    });

    let each: Vec<_> = ids
        .iter()
        .map(|id| {
            let jobs = jobs.clone();
            async move {
                let body = client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let (answer, answered) = oneshot::channel();
                let job: Job = Box::new(move || {
                    // The receiver only goes away if the whole call was dropped.
                    let _ = answer.send(digest(&body));
                });
                if jobs.send(job).is_err() {
                    unreachable!("the dispatcher lives as long as a sender does");
                }
                drop(jobs);
                Ok::<u64, reqwest::Error>(
                    answered
                        .await
                        .expect("a digest never panics, so its answer always comes"),
                )
            }
        })
        .collect();
    // Only the pipelines' senders keep the dispatcher alive from here on.
    drop(jobs);
    join_all(each).await
}
