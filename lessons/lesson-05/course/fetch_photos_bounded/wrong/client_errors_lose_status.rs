//! Wrong: breaks "an error status of any class (400, 404, 429…) … the error carrying that status": `error_for_status` is called only for 5xx ("server trouble, worth reporting"), and a 4xx is left to the decoder ("a 404's body is `{}`, which is not a photo anyway"), so every 4xx is still an `Err`, in the right place, but a decoding error whose `status()` is `None`; 5xx, bodies, connections, cap and order are right.

use futures::StreamExt;
use lesson_support::models::Photo;
use reqwest::Client;

async fn get_photo(client: &Client, base_url: &str, id: u64) -> Result<Photo, reqwest::Error> {
    let response = client.get(format!("{base_url}/photos/{id}")).send().await?;
    let response = if response.status().is_server_error() {
        // The server failed: keep the status in the error.
        response.error_for_status()?
    } else {
        // A 4xx answer has no photo in it, so decoding it fails on its own.
        response
    };
    response.json::<Photo>().await
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut finished: Vec<(usize, Result<Photo, reqwest::Error>)> =
        futures::stream::iter(ids.iter().copied().enumerate())
            .map(|(position, id)| async move { (position, get_photo(client, base_url, id).await) })
            .buffer_unordered(limit.max(1))
            .collect()
            .await;

    finished.sort_by_key(|&(position, _)| position);
    finished.into_iter().map(|(_, result)| result).collect()
}
