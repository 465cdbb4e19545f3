//! Wrong: reads `limit` 0 the way aiohttp's `TCPConnector(limit=0)` does, as "no limit", and
//! sends every request at once; the contract takes 0 as 1.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let window = if limit == 0 { ids.len().max(1) } else { limit };
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, id)| async move {
                let photo = async {
                    client
                        .get(format!("{base_url}/photos/{id}"))
                        .send()
                        .await?
                        .error_for_status()?
                        .json::<Photo>()
                        .await
                }
                .await;
                (position, photo)
            })
            .buffer_unordered(window)
            .collect()
            .await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
