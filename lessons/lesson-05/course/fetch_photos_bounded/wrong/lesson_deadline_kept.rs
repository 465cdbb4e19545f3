//! Wrong: breaks "A slow answer is still a photo: no timeout of your own" (third clause): adapted from the lesson's `photos_buffer_unordered`, it keeps that function's 60 s deadline for the whole batch, so once the run passes a minute (waves of requests each waiting up to the client's 30 s) the ids still in flight or waiting are cut off and, having no error to show, get no entry at all; any run shorter than a minute is the reference behaviour.

use std::time::Duration;

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;
use tokio::time::{Instant, timeout_at};

/// The lesson's default `--deadline`: a batch that takes longer than this is stuck.
const BATCH_DEADLINE: Duration = Duration::from_secs(60);

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let deadline = Instant::now() + BATCH_DEADLINE;
    let mut finished = stream::iter(ids.iter().enumerate())
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

    // Results live outside the loop, so what arrived before the deadline is kept.
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> = Vec::with_capacity(ids.len());
    let collect = async {
        while let Some(one) = finished.next().await {
            numbered.push(one);
        }
    };
    let _in_time = timeout_at(deadline, collect).await;
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
