//! Wrong: breaks "no panic: `digest` itself never panics" (a call that another call overlaps has its tasks aborted and panics)
//! Each post is a spawned task, as in the lesson's `batch` (request and body on the runtime,
//! digest on `spawn_blocking`). The learner knows that dropping a call's future (a caller's
//! `timeout` or `select!`) leaves its spawned tasks running and asking the server, so it tidies
//! up: the tasks of the call in progress are listed in a `static`, and each call begins by
//! aborting whatever an earlier call left there, "since a new call means the old one was given
//! up". Calls one after another work; but a call started while another runs aborts the other's
//! tasks, whose `JoinError` (cancelled, not a panic) then panics in `into_panic`.

use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::task::{AbortHandle, JoinHandle};

/// The tasks of the call in progress, so that the next call can stop them if this one was
/// abandoned before it finished.
static LEFTOVERS: Mutex<Vec<AbortHandle>> = Mutex::new(Vec::new());

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Tidy up first: an earlier call whose caller gave up on it would still be asking the server.
    let stale: Vec<AbortHandle> = LEFTOVERS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .drain(..)
        .collect();
    for task in stale {
        task.abort();
    }

    let tasks: Vec<JoinHandle<Result<u64, reqwest::Error>>> = ids
        .iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let body = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
                Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
            })
        })
        .collect();
    LEFTOVERS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .extend(tasks.iter().map(JoinHandle::abort_handle));

    let results: Vec<Result<u64, reqwest::Error>> = join_all(tasks)
        .await
        .into_iter()
        // A task only fails to join if it panicked: pass the panic on, as the lesson's batch does.
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect();

    // This call is done: nothing of it is left over.
    LEFTOVERS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clear();
    results
}
