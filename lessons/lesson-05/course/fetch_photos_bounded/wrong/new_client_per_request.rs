//! Wrong: bounded and in order, but each request builds its own `Client::new()` instead of
//! using the one it was given: a new connection pool, and none of the caller's settings.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

pub async fn fetch_photos_bounded(
    _client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, id)| async move {
                let photo = async {
                    Client::new()
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
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
