//! Correct: each digest runs on a `std::thread` of its own, and the task waits for it through a
//! hand-written `Future` (a result slot plus `futures::task::AtomicWaker`, the waker registered
//! before the slot is read, so no wake-up is lost), never `.join()`ed; no tokio blocking pool at all.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use futures::future::join_all;
use futures::task::AtomicWaker;
use reqwest::Client;

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
        Ok(OnItsOwnThread::start(move || digest(&body)).await)
    });
    join_all(each).await
}

/// Where the thread leaves its result, and whom it wakes.
struct Slot {
    result: Mutex<Option<std::thread::Result<u64>>>,
    waker: AtomicWaker,
}

/// A future for a closure running on a thread of its own.
struct OnItsOwnThread {
    slot: Arc<Slot>,
}

impl OnItsOwnThread {
    fn start(work: impl FnOnce() -> u64 + Send + 'static) -> OnItsOwnThread {
        let slot = Arc::new(Slot {
            result: Mutex::new(None),
            waker: AtomicWaker::new(),
        });
        let theirs = Arc::clone(&slot);
        std::thread::spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            *theirs.result.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
            theirs.waker.wake();
        });
        OnItsOwnThread { slot }
    }
}

impl Future for OnItsOwnThread {
    type Output = u64;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u64> {
        // Register first, then look: a result stored after the look wakes this waker.
        self.slot.waker.register(cx.waker());
        let taken = self
            .slot
            .result
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        match taken {
            Some(Ok(digested)) => Poll::Ready(digested),
            // `digest` never panics; should it, the panic goes on here.
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => Poll::Pending,
        }
    }
}
