//! Right: a worker pool instead of a stream adapter (asyncio's "N workers pulling from a queue"): `limit.max(1).min(ids.len())` worker futures, joined with `join_all` in this task, each taking the next `(position, id)` from a shared `Mutex`-guarded iterator as soon as its previous request's body is read, and storing the result in its position's slot; no ids means no workers.

use std::sync::Mutex;

use lesson_support::models::Photo;
use reqwest::Client;

type Slots = Mutex<Vec<Option<Result<Photo, reqwest::Error>>>>;

/// One worker: fetch the next waiting id, store its result, repeat until none is left.
async fn worker<I>(client: &Client, base_url: &str, queue: &Mutex<I>, slots: &Slots)
where
    I: Iterator<Item = (usize, u64)>,
{
    loop {
        // The lock is held only to take the next id, never across an `.await`.
        let next = queue
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .next();
        let Some((position, id)) = next else {
            break;
        };
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
        slots
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())[position] = Some(result);
    }
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let queue = Mutex::new(ids.iter().copied().enumerate());
    let slots: Slots = Mutex::new(ids.iter().map(|_| None).collect());
    // Never more workers than ids: each worker holds at most one request at a time.
    let workers = limit.max(1).min(ids.len());

    futures::future::join_all((0..workers).map(|_| worker(client, base_url, &queue, &slots))).await;

    slots
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .into_iter()
        .map(|slot| slot.expect("the workers take every id"))
        .collect()
}
