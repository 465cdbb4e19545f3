//! Right: `for_each_concurrent(limit.max(1), …)` instead of `buffer_unordered` + `collect` + sort (the `max(1)` matters: it takes 0 as "no limit"), each request future writing its result into its position's slot of a `Mutex<Vec<Option<…>>>` (locked only to store, never across an `.await`), the base URL's trailing `/` trimmed.

use std::sync::Mutex;

use futures::StreamExt;
use lesson_support::models::Photo;
use reqwest::Client;

type Slot = Option<Result<Photo, reqwest::Error>>;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let base_url = base_url.trim_end_matches('/');
    let slots: Mutex<Vec<Slot>> = Mutex::new(ids.iter().map(|_| None).collect());
    let slots_ref = &slots;

    futures::stream::iter(ids.iter().enumerate())
        .for_each_concurrent(limit.max(1), |(position, &id)| async move {
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
            let mut slots = slots_ref
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            slots[position] = Some(result);
        })
        .await;

    slots
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .into_iter()
        .map(|slot| slot.expect("every position was fetched"))
        .collect()
}
