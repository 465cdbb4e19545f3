//! Wrong: breaks "a successful answer's body ... goes to `digest` once, as soon as that body is in" (and "no panic") for a call that has another call beside it
//! The learner keeps the digests off the caller's blocking pool with a small runtime of their
//! own for each call (never driven: only its blocking pool is used). It read that dropping a
//! runtime inside async code panics and that a digest in flight cannot be cancelled, so the
//! call does not drop its runtime at the end: it stays in a `static`, "so stragglers can finish",
//! and the next call tidies it up with `shutdown_background`, which is allowed in async code and
//! lets running digests end. Calls one after the other are right. But a call whose bodies are
//! still on their way when another call starts submits them to a retired pool: the blocking
//! task is dropped unrun, its `JoinHandle` says "cancelled", and the call panics.

use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::{Builder, Handle, Runtime};

/// The latest call's digest runtime, kept until the next call retires it.
static POOL: Mutex<Option<Runtime>> = Mutex::new(None);

/// A fresh digest pool for this call; the previous call's pool is shut down in the background.
fn fresh_pool() -> Handle {
    let runtime = Builder::new_current_thread()
        .thread_name("digest")
        .build()
        .expect("a runtime for the digests");
    let handle = runtime.handle().clone();
    let previous = POOL
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .replace(runtime);
    if let Some(previous) = previous {
        // Does not wait, does not panic in async code: digests still running finish on their own.
        previous.shutdown_background();
    }
    handle
}

async fn digest_one(
    client: &Client,
    pool: &Handle,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = pool.spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let pool = fresh_pool();
    join_all(
        ids.iter()
            .map(|id| digest_one(client, &pool, format!("{base_url}/posts/{id}"), digest)),
    )
    .await
}
