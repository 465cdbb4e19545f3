//! Correct: each digest runs on a `std::thread` of its own and leaves its result in a shared slot,
//! then wakes the waiting task with `tokio::sync::Notify` (the condition-variable habit, made
//! async): the task checks the slot and, while it is empty, awaits `notified()`. `notify_one`
//! stores a permit when no one waits yet, so a result that comes before the task starts waiting is
//! not missed; the runtime's thread never blocks, and the thread is never `.join()`ed. Requests and
//! bodies stay on the runtime, all at once with `join_all`.

use std::sync::{Arc, Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Notify;

/// Where a digest thread leaves its result, and how it says so.
struct Slot {
    value: Mutex<Option<u64>>,
    filled: Notify,
}

/// Digests `body` on a thread of its own; the caller's task waits without holding its thread.
async fn digest_on_own_thread<B>(body: B, digest: fn(&[u8]) -> u64) -> u64
where
    B: AsRef<[u8]> + Send + 'static,
{
    let slot = Arc::new(Slot {
        value: Mutex::new(None),
        filled: Notify::new(),
    });
    let for_thread = Arc::clone(&slot);
    std::thread::spawn(move || {
        let value = digest(body.as_ref());
        *for_thread
            .value
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(value);
        for_thread.filled.notify_one();
    });
    loop {
        // The lock is taken and released within this statement, never held across the await.
        let ready = slot
            .value
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(value) = ready {
            return value;
        }
        slot.filled.notified().await;
    }
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
        Ok(digest_on_own_thread(body, digest).await)
    });
    join_all(each).await
}
