//! Wrong: breaks "no panic: `digest` itself never panics" (a call on a second runtime, run from the thread of a first one that was dropped, panics)
//! The learner ports asyncio's `loop = asyncio.get_event_loop()` followed by
//! `await loop.run_in_executor(None, digest, body)`: the runtime's `Handle` is looked up once per
//! thread and remembered in a `thread_local!`, "asyncio keeps one loop per thread, and a handle is
//! cheap to keep". Every digest goes to that handle's blocking pool. On the first runtime a thread
//! sees, this is exactly right; but when that runtime is dropped and another is started on the same
//! thread, the remembered handle still points at the dead one: `spawn_blocking` there gives a
//! cancelled task, and the `JoinError` that is "not a panic" panics in `into_panic`.

use std::cell::RefCell;

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::Handle;

thread_local! {
    /// This thread's runtime, as asyncio keeps this thread's event loop: found once, then kept.
    static EVENT_LOOP: RefCell<Option<Handle>> = const { RefCell::new(None) };
}

/// The runtime this thread runs on (`asyncio.get_event_loop()`).
fn event_loop() -> Handle {
    EVENT_LOOP.with_borrow_mut(|remembered| remembered.get_or_insert_with(Handle::current).clone())
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
        // `loop.run_in_executor(None, digest, body)`: the default executor of this thread's loop.
        let digested = event_loop().spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
