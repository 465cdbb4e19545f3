//! Wrong: breaks "a request that fails is not sent again": a request that dies on the connection (`is_connect()` / `is_request()`, hyper's "connection closed before message completed", the classic stale keep-alive race) is sent once more on a fresh connection; statuses and bad bodies are never retried, the cap, order and errors are right, and a dropped connection still ends in `Err`, but it was asked for twice.

use futures::StreamExt;
use lesson_support::models::Photo;
use reqwest::Client;

async fn get_photo(client: &Client, url: &str) -> Result<Photo, reqwest::Error> {
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
    let mut finished: Vec<(usize, Result<Photo, reqwest::Error>)> =
        futures::stream::iter(ids.iter().copied().enumerate())
            .map(|(position, id)| async move {
                let url = format!("{base_url}/photos/{id}");
                let result = match get_photo(client, &url).await {
                    // The server closed a pooled connection just as we reused it: nothing
                    // reached it, so one more try on a new connection is safe (a GET is
                    // idempotent anyway). A status or a bad body is an answer: never retried.
                    Err(err)
                        if err.status().is_none() && (err.is_connect() || err.is_request()) =>
                    {
                        get_photo(client, &url).await
                    }
                    other => other,
                };
                (position, result)
            })
            .buffer_unordered(limit.max(1))
            .collect()
            .await;

    finished.sort_by_key(|&(position, _)| position);
    finished.into_iter().map(|(_, result)| result).collect()
}
