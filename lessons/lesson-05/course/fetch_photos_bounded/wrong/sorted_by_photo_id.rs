//! Wrong: gathers the results as they finish, then sorts them by photo id: the order of `ids`
//! only when `ids` happens to be sorted.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut numbered: Vec<(u64, Result<Photo, reqwest::Error>)> = stream::iter(ids)
        .map(|&id| async move {
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
            (id, photo)
        })
        .buffer_unordered(limit.max(1))
        .collect()
        .await;
    numbered.sort_by_key(|&(id, _)| id);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
