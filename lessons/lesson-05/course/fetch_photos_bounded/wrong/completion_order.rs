//! Wrong: bounded with `buffer_unordered`, but the results come back in the order the answers
//! arrived, not in the order of `ids`.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    stream::iter(ids)
        .map(|id| async move {
            client
                .get(format!("{base_url}/photos/{id}"))
                .send()
                .await?
                .error_for_status()?
                .json::<Photo>()
                .await
        })
        .buffer_unordered(limit.max(1))
        .collect()
        .await
}
