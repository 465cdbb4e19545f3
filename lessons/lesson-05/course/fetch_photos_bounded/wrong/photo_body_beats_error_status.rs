//! Wrong: breaks "`Err(error)` for one that did not: an error status of any class (400, 404, 429, 500, 503…, the error carrying that status)"
//! Every answer is read to its end, errors included (the contract says a request is in flight
//! until the end of its answer is read, and a fully read answer leaves its connection reusable),
//! so the status is only noted with `error_for_status_ref` before the body is decoded, and the
//! status error is reported when the body is no photo. But a body that *is* a photo wins: an
//! error status whose body happens to be a photo (a 503 or a 429 served with a cached photo, a
//! 500 with a valid JSON body) comes back as `Ok(photo)`. With the usual empty or `{}` error
//! bodies every failure is an `Err` carrying its status, so the error checks look right.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

/// One photo; its answer is read to the end whatever its status.
async fn fetch_photo(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    let response = client.get(format!("{base_url}/photos/{id}")).send().await?;
    // Note the status now (the body is consumed below), but read the body either way.
    let status_error = response.error_for_status_ref().err();
    match response.json::<Photo>().await {
        Ok(photo) => Ok(photo),
        // No photo in the body: the status says more than "expected value at line 1".
        Err(not_a_photo) => Err(status_error.unwrap_or(not_a_photo)),
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
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> = stream::iter(
        ids.iter().enumerate(),
    )
    .map(|(position, &id)| async move { (position, fetch_photo(client, base_url, id).await) })
    .buffer_unordered(limit.max(1))
    .collect()
    .await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
