//! Wrong: breaks "the digests of different posts run at the same time" (and "goes to `digest` once, as soon as that body is in")
//! The learner knows a `spawn_blocking` task cannot be cancelled: a call whose future is dropped
//! halfway (a `select!` or a timeout upstream) leaves its digests running on the pool. So, like
//! Python's `executor.shutdown(wait=True)` before a new batch, each call first lets every digest
//! still running in the process finish: each digest holds a read guard of one process-wide
//! `RwLock` while it runs, and a call starts by taking the write side once (and letting it go).
//! Alone, or one call after another, nothing changes; but a call started while another call's
//! digests run sends nothing until they are done, and, since tokio's `RwLock` is fair, the
//! first call's next digests then queue behind the second call's writer.

use std::sync::{Arc, OnceLock};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::RwLock;

/// Held for reading by every digest running anywhere in the process.
static DIGESTS_RUNNING: OnceLock<Arc<RwLock<()>>> = OnceLock::new();

fn gate() -> Arc<RwLock<()>> {
    Arc::clone(DIGESTS_RUNNING.get_or_init(|| Arc::new(RwLock::new(()))))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Leftovers first: wait (asynchronously) until no digest of an earlier call is running.
    drop(gate().write().await);

    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        // The guard goes into the closure, so it is released when the digest ends, even if
        // this call is dropped before then.
        let running = gate().read_owned().await;
        let digested = tokio::task::spawn_blocking(move || {
            let value = digest(&body);
            drop(running);
            value
        })
        .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
