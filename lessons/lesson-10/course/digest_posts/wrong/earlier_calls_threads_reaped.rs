//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running ... (threads of your own, awaited without blocking)"
//! Each digest runs on a `std::thread` of its own and its result comes back over a oneshot
//! channel, awaited, never `.join()`ed. But the learner does not like detached threads, so every
//! handle goes into a process-wide list, and each call first joins the threads an earlier call
//! left there, "which are done by now: that call returned only once every digest had answered".
//! True for calls one after another; a call that starts while another call's digests are still
//! running (on the same runtime, or another) blocks its runtime's thread in `.join()` until they end.

use std::sync::{Mutex, PoisonError};
use std::thread::JoinHandle;

use futures::future::join_all;
use reqwest::Client;

/// The digest threads of the calls so far, reaped by the next call.
static LEFT_BEHIND: Mutex<Vec<JoinHandle<()>>> = Mutex::new(Vec::new());

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Tidy up after the earlier calls: their threads have sent their digests already.
    let earlier = std::mem::take(&mut *LEFT_BEHIND.lock().unwrap_or_else(PoisonError::into_inner));
    for thread in earlier {
        let _ = thread.join();
    }

    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let (answer, answered) = tokio::sync::oneshot::channel();
        let thread = std::thread::spawn(move || {
            let _ = answer.send(digest(&body));
        });
        LEFT_BEHIND
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(thread);
        match answered.await {
            Ok(digested) => Ok::<u64, reqwest::Error>(digested),
            // Only a panic inside `digest` drops the sender unsent, and it never panics.
            Err(_) => unreachable!("the digest thread ended without an answer"),
        }
    });
    join_all(each).await
}
