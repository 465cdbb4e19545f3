//! Right: spawned tasks instead of a stream: one shared `Arc<Semaphore>` of `limit.clamp(1, ids.len().max(1))` permits (`Semaphore::new` panics above `MAX_PERMITS`), a permit taken with `acquire_owned` before each spawn and dropped only after the body is read, a `JoinSet` joined in finishing order, and each result written into a `Vec<Option<…>>` slot at its position instead of sorting.

use std::sync::Arc;

use lesson_support::models::Photo;
use reqwest::Client;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let permits = Arc::new(Semaphore::new(limit.clamp(1, ids.len().max(1))));
    let base_url: Arc<str> = Arc::from(base_url);
    let mut tasks = JoinSet::new();
    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> = ids.iter().map(|_| None).collect();

    for (position, &id) in ids.iter().enumerate() {
        // Wait for a free slot before spawning: at most `limit` tasks exist at a time.
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        // A clone of the `Client` shares its connection pool and its settings.
        let client = client.clone();
        let base_url = Arc::clone(&base_url);
        tasks.spawn(async move {
            let result = async {
                client
                    .get(format!("{base_url}/photos/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Photo>()
                    .await
            }
            .await;
            // The body has been read: only now is the slot free for the next id.
            drop(permit);
            (position, result)
        });
    }

    while let Some(joined) = tasks.join_next().await {
        // A task only fails by panicking (none is aborted): pass the panic on.
        let (position, result) =
            joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        slots[position] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every task reports back for its position"))
        .collect()
}
