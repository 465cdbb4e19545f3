//! Right: every id gets its own `tokio::spawn`ed task at once, and each task takes a permit of one shared `Arc<Semaphore>` (of `limit.clamp(1, Semaphore::MAX_PERMITS)`) *inside* itself before sending, holding it until the body is read (the chapter's "acquiring inside each task would also bound the requests", wasteful in idle tasks but not in requests); the `JoinHandle`s are awaited in the order of `ids`, so the results need no positions and no sort, and a task's panic is passed on with `resume_unwind`.

use std::sync::Arc;

use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

/// One photo, with a slot held from before the request is sent until its body is read.
async fn fetch_one(
    client: Client,
    base_url: Arc<str>,
    id: u64,
    slots: Arc<Semaphore>,
) -> Result<Photo, reqwest::Error> {
    let _slot = slots
        .acquire_owned()
        .await
        .expect("the semaphore is never closed");
    client
        .get(format!("{base_url}/photos/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Photo>()
        .await
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // 0 means 1; "no real limit" (`usize::MAX`) is as many permits as a semaphore can hold,
    // which is more than any list of ids.
    let slots = Arc::new(Semaphore::new(limit.clamp(1, Semaphore::MAX_PERMITS)));
    let base_url: Arc<str> = Arc::from(base_url);
    let tasks: Vec<JoinHandle<Result<Photo, reqwest::Error>>> = ids
        .iter()
        .map(|&id| {
            tokio::spawn(fetch_one(
                client.clone(),
                Arc::clone(&base_url),
                id,
                Arc::clone(&slots),
            ))
        })
        .collect();

    // The tasks run on their own whatever this loop waits for; awaiting them in the order of
    // `ids` only decides the order of the results.
    let mut results = Vec::with_capacity(tasks.len());
    for task in tasks {
        match task.await {
            Ok(result) => results.push(result),
            Err(error) => std::panic::resume_unwind(error.into_panic()),
        }
    }
    results
}
