//! Wrong: breaks "A slow answer is still a photo: no timeout of your own.": each request gets `.timeout(10 s)`, so a photo whose answer takes longer than 10 s comes back as a timeout error instead of the photo (and replaces the client's own 30 s); any answer under 10 s, the sliding window, the order of `ids`, the statuses and the edge limits are all the reference's.

use std::time::Duration;

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

/// How long one photo may hold its slot. Without this, a single stuck request keeps a slot
/// busy for the client's full 30 s while the other ids wait for it.
const PER_PHOTO: Duration = Duration::from_secs(10);

/// One photo, as `Photo`, with an error status turned into an error.
async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    client
        .get(format!("{base_url}/photos/{id}"))
        .timeout(PER_PHOTO)
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
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, &id)| async move { (position, fetch_one(client, base_url, id).await) })
            // A slot is freed as soon as any request ends; 0 would never start anything.
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    // Back into the order of `ids`.
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
