//! Correct: the digests run on the blocking pool of a small runtime made for this call (a
//! current-thread runtime that is never driven: only its `Runtime::spawn_blocking` is used, which
//! starts threads of its own), their `JoinHandle`s awaited from the caller's runtime without
//! blocking it. The requests and bodies stay on the caller's runtime, all in flight together
//! through `join_all`. The runtime is put away with `shutdown_background()`, from a guard's
//! `Drop`, so that neither the end of the call nor a dropped call drops a runtime inside async
//! code (the plain drop waits for its threads, and tokio panics there).

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::{Builder, Runtime};
use tokio::task::JoinHandle;

/// Owns the call's digest runtime and shuts it down without waiting when the call ends.
struct DigestPool(Option<Runtime>);

impl DigestPool {
    fn spawn(&self, digest: fn(&[u8]) -> u64, body: Vec<u8>) -> JoinHandle<u64> {
        match &self.0 {
            Some(runtime) => runtime.spawn_blocking(move || digest(&body)),
            // No runtime of our own could be built: the caller's blocking pool does it.
            None => tokio::task::spawn_blocking(move || digest(&body)),
        }
    }
}

impl Drop for DigestPool {
    fn drop(&mut self) {
        if let Some(runtime) = self.0.take() {
            runtime.shutdown_background();
        }
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let pool = DigestPool(
        Builder::new_current_thread()
            .thread_name("digest-pool")
            .build()
            .ok(),
    );
    let pool = &pool;
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = pool.spawn(digest, body.to_vec()).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
