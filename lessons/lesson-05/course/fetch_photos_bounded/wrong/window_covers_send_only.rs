//! Wrong: breaks "at most `limit` requests in flight at any moment (from sending a request to reading the end of its answer)": the bounded stream covers only `send()` and the status check (the "network part"), and the bodies are decoded afterwards, one by one in the order of `ids`, so every answer's body stays open at once while the window keeps sending; results, order, repeats and errors are right, and with prompt bodies the cap looks right too.

use futures::StreamExt;
use lesson_support::models::Photo;
use reqwest::Client;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut responses: Vec<(usize, Result<reqwest::Response, reqwest::Error>)> =
        futures::stream::iter(ids.iter().enumerate())
            .map(|(position, id)| async move {
                let response = client
                    .get(format!("{base_url}/photos/{id}"))
                    .send()
                    .await
                    .and_then(reqwest::Response::error_for_status);
                (position, response)
            })
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    responses.sort_by_key(|(position, _)| *position);
    let mut results = Vec::with_capacity(responses.len());
    for (_, response) in responses {
        results.push(match response {
            Ok(response) => response.json::<Photo>().await,
            Err(err) => Err(err),
        });
    }
    results
}
