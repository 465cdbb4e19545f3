//! Wrong: treats a 404 as the only failure (Python's `if resp.status == 404`), and decodes
//! every other answer, 500 and 503 included, as if it were the photo.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::{Client, StatusCode};

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, id)| async move {
                let photo = async {
                    let response = client.get(format!("{base_url}/photos/{id}")).send().await?;
                    if response.status() == StatusCode::NOT_FOUND {
                        return Err(response.error_for_status().unwrap_err());
                    }
                    response.json::<Photo>().await
                }
                .await;
                (position, photo)
            })
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
