//! Wrong: breaks "`digest` never runs on a thread of the runtime … (tokio's blocking pool, or
//! threads of your own, awaited without blocking)" for calls on two runtimes at once. The
//! learner keeps the runtime's `Handle` in a `static`, as Python code keeps one event loop, and
//! refreshes it at the start of each call so that a call on a new runtime works; a call still
//! running on another runtime then hands its digests to a pool that may be gone.
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::Handle;

/// The runtime the digests go to: the latest call's.
static RUNTIME: Mutex<Option<Handle>> = Mutex::new(None);

pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    *RUNTIME.lock().unwrap_or_else(PoisonError::into_inner) = Some(Handle::current());
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let runtime = RUNTIME
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .unwrap_or_else(Handle::current);
        let digested = runtime.spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
