//! Wrong: breaks "no fewer [than `limit`] while ids are still waiting: a new request starts as soon as any one finishes": the window holds only the `send()`s, and each answer's body is read in the loop that drains the stream, one at a time; while the loop awaits a slow body nothing polls the window, so no new request starts and the other slots sit idle (never more than `limit` open, so a peak count stays within bounds).

use futures::stream::{self, StreamExt};
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
    let mut heads = stream::iter(ids.iter().enumerate())
        .map(|(position, id)| async move {
            let head = client
                .get(format!("{base_url}/photos/{id}"))
                .send()
                .await
                .and_then(reqwest::Response::error_for_status);
            (position, head)
        })
        .buffer_unordered(limit.max(1));

    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> = Vec::with_capacity(ids.len());
    // As in the lesson's `photos_buffer_unordered`: take each answer as it comes, finish it
    // here. The request keeps its slot until its body is read: it leaves the window only when
    // the loop asks for the next one.
    while let Some((position, head)) = heads.next().await {
        let photo = match head {
            Ok(response) => response.json::<Photo>().await,
            Err(err) => Err(err),
        };
        numbered.push((position, photo));
    }
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
