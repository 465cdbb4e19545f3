//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running" for a call that is dropped while its digests run (a call wrapped in `tokio::time::timeout` of 150 ms, or raced in `select!`, whose bodies are in at once and whose `digest` blocks for 600 ms: the runtime's thread stops for the 450 ms left)
//!
//! Python's `with ThreadPoolExecutor() as pool:` ported: each digest runs on a thread of its
//! own, awaited through a `oneshot` (no `.join()` while it runs), and the call keeps the
//! threads' handles in a small guard that joins them when it is dropped, as the `with` block's
//! `shutdown(wait=True)` does, "so that no thread outlives the call". When the call ends
//! normally every digest has sent its value, so the joins find threads that have finished and
//! cost nothing. But a call that is cancelled (a timeout, a `select!`, a dropped task) is
//! dropped *on the runtime's thread*, and its guard then waits there, with a blocking
//! `.join()`, for every digest still running: the heartbeat stops until they end. The checks
//! drop calls while their requests are in flight, when no digest has started.

use std::sync::{Mutex, PoisonError};
use std::thread::JoinHandle;

use futures::future::join_all;
use reqwest::Client;

/// The call's digest threads, joined when the call is over (the `with` block's exit).
#[derive(Default)]
struct DigestThreads(Mutex<Vec<JoinHandle<()>>>);

impl DigestThreads {
    /// Runs `digest` on a thread of its own, and waits for its value without blocking.
    async fn run<B>(&self, digest: fn(&[u8]) -> u64, body: B) -> u64
    where
        B: AsRef<[u8]> + Send + 'static,
    {
        let (sender, value) = tokio::sync::oneshot::channel();
        let thread = std::thread::spawn(move || {
            let _ = sender.send(digest(body.as_ref()));
        });
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(thread);
        value.await.expect("the digest thread sends its value")
    }
}

impl Drop for DigestThreads {
    fn drop(&mut self) {
        let threads = std::mem::take(self.0.get_mut().unwrap_or_else(PoisonError::into_inner));
        for thread in threads {
            let _ = thread.join();
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
    let threads = DigestThreads::default();
    let threads = &threads;
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        Ok(threads.run(digest, body).await)
    });
    join_all(each).await
}
