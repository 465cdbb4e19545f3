//! Right: no semaphore and no stream adapter: the window is the length of a `tokio::task::JoinSet` of spawned requests; before spawning the next id, a full set (`len()` at `limit.max(1)`) is waited on with `join_next()`, which returns as soon as any one request (body included) ends, then the set is drained, and the `(position, result)` pairs are put back in the order of `ids` with `sort_unstable_by_key`.

use std::sync::Arc;

use lesson_support::models::Photo;
use reqwest::Client;
use tokio::task::{JoinError, JoinSet};

type Outcome = (usize, Result<Photo, reqwest::Error>);

/// One photo: the task ends only once the body has been read (or the request has failed).
async fn fetch_one(client: Client, base_url: Arc<str>, id: u64) -> Result<Photo, reqwest::Error> {
    client
        .get(format!("{base_url}/photos/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Photo>()
        .await
}

/// A finished task's output; a task that panicked passes its panic on.
fn joined(outcome: Result<Outcome, JoinError>) -> Outcome {
    outcome.unwrap_or_else(|error| std::panic::resume_unwind(error.into_panic()))
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let window = limit.max(1);
    let base_url: Arc<str> = Arc::from(base_url);
    let mut running: JoinSet<Outcome> = JoinSet::new();
    let mut finished: Vec<Outcome> = Vec::with_capacity(ids.len());

    for (position, &id) in ids.iter().enumerate() {
        if running.len() >= window {
            // Full: wait for whichever request ends first, then its slot is this id's.
            let outcome = running
                .join_next()
                .await
                .expect("a full window is not empty");
            finished.push(joined(outcome));
        }
        let client = client.clone();
        let base_url = Arc::clone(&base_url);
        running.spawn(async move { (position, fetch_one(client, base_url, id).await) });
    }
    while let Some(outcome) = running.join_next().await {
        finished.push(joined(outcome));
    }

    finished.sort_unstable_by_key(|&(position, _)| position);
    finished.into_iter().map(|(_, result)| result).collect()
}
