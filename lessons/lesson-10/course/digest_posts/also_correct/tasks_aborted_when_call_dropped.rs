//! Correct: the tidy-up that `aborts_previous_calls_leftovers` wanted, done per call: each post is
//! a spawned task (a clone of `client`, which shares its pool; request and body on the runtime,
//! digest awaited on `spawn_blocking`), and the call keeps its own tasks' `AbortHandle`s in a guard
//! that aborts them only if this call's future is dropped before they are done (aborting a
//! finished task does nothing). No state is shared between calls, so calls side by side, and calls
//! on one runtime after another, do not touch each other.

use futures::future::join_all;
use reqwest::Client;
use tokio::task::{AbortHandle, JoinHandle};

/// Aborts this call's tasks when dropped: a caller that gives up on the call stops its requests.
struct AbortOnDrop(Vec<AbortHandle>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        for task in &self.0 {
            task.abort();
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
    let _guard = AbortOnDrop(tasks.iter().map(JoinHandle::abort_handle).collect());

    join_all(tasks)
        .await
        .into_iter()
        // Only this call's guard aborts these tasks, and only once it is dropped: a `JoinError`
        // here is a panic, passed on as the lesson's batch does.
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
}
