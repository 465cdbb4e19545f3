//! Wrong: lesson 03's `join_all`, which starts every request at once and ignores `limit`.

use futures::future::join_all;
use lesson_support::models::Photo;
use reqwest::Client;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    _limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/photos/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Photo>()
            .await
    });
    join_all(requests).await
}
