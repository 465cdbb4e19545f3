//! Wrong: breaks "the digests of different posts run at the same time"
//! The learner follows the well-known "separate runtime for CPU-bound work" pattern (a
//! `DedicatedExecutor`): a second multi-thread runtime, one worker per core, built once in a
//! `static`, whose threads are named `cpu-digest`. Requests and bodies stay on the caller's
//! runtime; each digest is `spawn`ed on the CPU runtime and its `JoinHandle` awaited, so no thread
//! of the caller's runtime ever runs it. But a worker runs one task at a time, so no more digests
//! run at once than there are cores; the rest queue behind them.

use std::sync::OnceLock;

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::{Builder, Runtime};

/// The runtime for CPU work: never dropped, so never shut down from inside async code.
fn cpu_runtime() -> &'static Runtime {
    static CPU: OnceLock<Runtime> = OnceLock::new();
    CPU.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        Builder::new_multi_thread()
            .worker_threads(cores)
            .thread_name("cpu-digest")
            .build()
            .expect("a runtime for the digests")
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
        // CPU work goes to the CPU runtime; this task waits for it like any other future.
        let digested = cpu_runtime().spawn(async move { digest(&body) }).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
