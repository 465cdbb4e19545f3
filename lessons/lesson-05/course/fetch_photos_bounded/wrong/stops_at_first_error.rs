//! Wrong: stops at the first failure and returns what it has, like an exception escaping
//! `asyncio.gather`: the photos after it are lost.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut answers = stream::iter(ids.iter().enumerate())
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
        .buffer_unordered(limit.max(1));
    let mut numbered = Vec::new();
    while let Some((position, photo)) = answers.next().await {
        let failed = photo.is_err();
        numbered.push((position, photo));
        if failed {
            break;
        }
    }
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
