//! Wrong: pauses 200 ms before each request with `std::thread::sleep`, Python's `time.sleep`,
//! to go easy on the server: that blocks the thread, and every request in flight with it.

use std::time::Duration;

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, id)| async move {
                std::thread::sleep(Duration::from_millis(200));
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
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
