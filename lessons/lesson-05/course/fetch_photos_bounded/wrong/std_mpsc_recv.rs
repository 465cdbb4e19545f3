//! Wrong: breaks "it waits only by awaiting: nothing that blocks the thread": the chapter's Way 2 (permit taken with `acquire_owned` before each spawn, held until the body is read) hands each `(position, result)` back over a `std::sync::mpsc` channel, Python's `queue.Queue`, and drains it with the blocking `Receiver` iterator (`queue.get()`), which parks the thread while the last `limit` requests are still running: on a multi-threaded runtime other workers carry them and every result is right, on a single-threaded one nothing else can run and the call never returns.

use std::sync::{Arc, mpsc};

use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;

async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
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
    let semaphore = Arc::new(Semaphore::new(limit.clamp(1, ids.len().max(1))));
    let base_url: Arc<str> = Arc::from(base_url);
    let (results_in, results_out) = mpsc::channel::<(usize, Result<Photo, reqwest::Error>)>();

    for (position, &id) in ids.iter().enumerate() {
        // Acquire before spawn: at most `limit` tasks exist at a time.
        let permit = Arc::clone(&semaphore)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let client = client.clone();
        let base_url = Arc::clone(&base_url);
        let results_in = results_in.clone();
        tokio::spawn(async move {
            let result = fetch_one(&client, &base_url, id).await;
            drop(permit);
            // The receiver outlives every task, so this cannot fail.
            let _ = results_in.send((position, result));
        });
    }
    // Only the tasks' senders are left: the queue ends when the last task has reported.
    drop(results_in);

    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> =
        (0..ids.len()).map(|_| None).collect();
    for (position, result) in results_out {
        slots[position] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every task reports its result"))
        .collect()
}
