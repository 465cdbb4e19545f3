//! Right: spawned workers instead of a stream adapter: `limit.max(1).min(ids.len())` tasks in a `JoinSet` (none for no ids), each claiming the next position from a shared `AtomicUsize` with `fetch_add` as soon as its previous request's body is read, and sending `(position, result)` over an unbounded `tokio::sync::mpsc` channel that this task drains into one slot per position; owned `Arc<[u64]>`, `Arc<str>` and a `Client` clone for the `'static` tasks, and a worker's panic passed on with `resume_unwind`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

async fn fetch_one(client: &Client, url: String) -> Result<Photo, reqwest::Error> {
    client
        .get(url)
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
    // Spawned tasks may outlive this call, so they get owned handles, not borrows.
    let ids: Arc<[u64]> = Arc::from(ids);
    let base_url: Arc<str> = Arc::from(base_url);
    // The next position no worker has claimed yet.
    let next = Arc::new(AtomicUsize::new(0));
    let (sender, mut receiver) = mpsc::unbounded_channel();

    // One request in flight per worker, from sending to the end of its body; a worker takes
    // the next id the moment it is done, whatever the answer was.
    let mut workers = JoinSet::new();
    for _ in 0..limit.max(1).min(ids.len()) {
        let (client, base_url, ids, next, sender) = (
            client.clone(),
            Arc::clone(&base_url),
            Arc::clone(&ids),
            Arc::clone(&next),
            sender.clone(),
        );
        workers.spawn(async move {
            loop {
                let position = next.fetch_add(1, Ordering::Relaxed);
                let Some(&id) = ids.get(position) else {
                    break;
                };
                let result = fetch_one(&client, format!("{base_url}/photos/{id}")).await;
                if sender.send((position, result)).is_err() {
                    break;
                }
            }
        });
    }
    // Only the workers hold senders now: the channel closes when the last one is done.
    drop(sender);

    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some((position, result)) = receiver.recv().await {
        slots[position] = Some(result);
    }
    while let Some(joined) = workers.join_next().await {
        if let Err(error) = joined {
            if error.is_panic() {
                std::panic::resume_unwind(error.into_panic());
            }
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every position was claimed by a worker"))
        .collect()
}
