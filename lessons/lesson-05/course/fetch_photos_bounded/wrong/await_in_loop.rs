//! Wrong: never more than `limit` in flight, trivially: one request at a time, awaited in a loop.

use lesson_support::models::Photo;
use reqwest::Client;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    _limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut photos = Vec::with_capacity(ids.len());
    for id in ids {
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
        photos.push(photo);
    }
    photos
}
