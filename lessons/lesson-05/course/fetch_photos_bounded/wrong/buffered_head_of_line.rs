//! Wrong: `buffered(limit)` keeps the order of `ids`, but only by holding finished answers
//! until every earlier one is out, and a held answer keeps its slot: one slow request stalls
//! the window behind it.

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
        .buffered(limit.max(1))
        .collect()
        .await
}
