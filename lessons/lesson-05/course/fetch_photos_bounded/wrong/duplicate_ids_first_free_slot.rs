//! Wrong: breaks "one entry per id, in the order of `ids` (not the order the answers arrive in)"
//! The lesson's own shape, `Fetched { id, photo }`: each answer says which id it is for, and the
//! answers are put back in place by id afterwards. Knowing that an id may appear twice, the
//! learner sends the answer for a repeated id to the first of its places still empty. That is
//! right whenever both requests for an id get the same answer, which is what a mock serving
//! one photo per id gives. When they differ (the first request for id 3 is slow or fails, the
//! second succeeds at once), the answers are placed in the order they *arrived*: the entry of
//! the first occurrence holds the answer to the second request, and the other way round.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

/// `GET {base_url}/photos/{id}` as a typed photo, an error status being an error.
async fn fetch_photo(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    client
        .get(format!("{base_url}/photos/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
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
    // In the order the requests finish, each with the id it was for.
    let finished: Vec<(u64, Result<Photo, reqwest::Error>)> = stream::iter(ids)
        .map(|&id| async move { (id, fetch_photo(client, base_url, id).await) })
        .buffer_unordered(limit.max(1))
        .collect()
        .await;

    // One place per entry of `ids`; `reqwest::Error` is not `Clone`, hence no `vec![None; n]`.
    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    for (id, photo) in finished {
        // A repeated id: its answer goes to the first of its places not yet filled.
        let place = ids
            .iter()
            .zip(&slots)
            .position(|(&wanted, slot)| wanted == id && slot.is_none());
        if let Some(place) = place {
            slots[place] = Some(photo);
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("one answer came back for every entry of `ids`"))
        .collect()
}
