//! Wrong: breaks "(a blocking thread held for a request, or while a body arrives, is one fewer for blocking work)": here a blocking thread is held for good, waiting on a queue
//! The learner ports Python's `threading.Thread(target=worker, daemon=True)` fed by a module-level
//! `queue.Queue`: one long-lived worker, started on the first call, takes digest jobs from a
//! process-wide channel and fans each one out, so the digests still run side by side. Since the
//! course says blocking loops belong on the blocking pool, the worker is a `spawn_blocking` task
//! parked in `blocking_recv`, not a thread of its own. But no such task is a daemon: the runtime
//! that happened to serve the first call owns a blocking thread that never returns, so dropping
//! that runtime waits for ever, and on a runtime whose blocking pool has one thread, the worker
//! holds it and the digests it fans out (and every other `spawn_blocking`) never start.

use std::sync::OnceLock;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::{mpsc, oneshot};

/// One digest to run, with its body, its function and where its result goes.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// The queue of the process-wide worker, started by the first call.
static QUEUE: OnceLock<mpsc::UnboundedSender<Job>> = OnceLock::new();

fn queue() -> &'static mpsc::UnboundedSender<Job> {
    QUEUE.get_or_init(|| {
        let (sender, mut receiver) = mpsc::unbounded_channel::<Job>();
        // The worker: a blocking loop, so it goes where blocking work goes.
        drop(tokio::task::spawn_blocking(move || {
            while let Some(job) = receiver.blocking_recv() {
                // Fan out, so that digests of different posts run at the same time.
                drop(tokio::task::spawn_blocking(job));
            }
        }));
        sender
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
        let (reply, result) = oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = reply.send(digest(&body));
        });
        if queue().send(job).is_err() {
            unreachable!("the digest worker lives as long as the process");
        }
        Ok(result.await.expect("the digest worker always replies"))
    });
    join_all(each).await
}
