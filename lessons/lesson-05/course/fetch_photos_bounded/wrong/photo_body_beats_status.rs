//! Wrong: breaks "`Err(error)` for one that did not [arrive]: an error status of any class (400, 404, 429, 500, 503…, the error carrying that status)": reading "`Ok(photo)` for a photo that arrived" literally, it always reads the body to its end and decodes it first, and uses the status error only to explain a body that is not a photo, so an error status whose body happens to be a photo (a 503 serving a stale copy, a 404 with the API's placeholder photo) comes back `Ok(photo)`; every error status with a non-photo body is an `Err` carrying its status, and the window, order, repeats and edge limits are the reference's.

use futures::StreamExt;
use futures::stream;
use lesson_support::models::Photo;
use reqwest::Client;

async fn fetch_photo(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    let response = client.get(format!("{base_url}/photos/{id}")).send().await?;
    // Keep the status error aside (it is the better explanation when something went wrong)
    // and read the answer to its end either way, so the slot is held until the body is in.
    let status_error = response.error_for_status_ref().err();
    match response.json::<Photo>().await {
        // A photo arrived: that is what the caller asked for.
        Ok(photo) => Ok(photo),
        // Not a photo: say why, with the status when there is one.
        Err(decode_error) => Err(status_error.unwrap_or(decode_error)),
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
    let mut fetched: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().copied().enumerate())
            .map(
                |(position, id)| async move { (position, fetch_photo(client, base_url, id).await) },
            )
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    fetched.sort_by_key(|&(position, _)| position);
    fetched.into_iter().map(|(_, result)| result).collect()
}
