//! Wrong: breaks "no fewer [than `limit` in flight] while ids are still waiting: a new request starts as soon as any one finishes": when an answer is 429 or 503, the loop that drains `buffer_unordered` backs off with an awaited `tokio::time::sleep(250 ms)` ("the server says slow down"), and while the loop sleeps the stream is not polled, so no freed slot is refilled; nothing blocks the thread, nothing is retried, and with no throttled answer it is exactly the reference.

use std::time::Duration;

use futures::StreamExt;
use lesson_support::models::Photo;
use reqwest::{Client, StatusCode};

/// How long to ease off after the server asks us to.
const BACK_OFF: Duration = Duration::from_millis(250);

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut answers = futures::stream::iter(ids.iter().copied().enumerate())
        .map(|(position, id)| async move {
            let result = async {
                client
                    .get(format!("{base_url}/photos/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Photo>()
                    .await
            }
            .await;
            (position, result)
        })
        .buffer_unordered(limit.max(1));

    let mut finished = Vec::with_capacity(ids.len());
    while let Some((position, result)) = answers.next().await {
        let throttled = result
            .as_ref()
            .err()
            .and_then(reqwest::Error::status)
            .is_some_and(|status| {
                status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE
            });
        finished.push((position, result));
        if throttled {
            // Be a good citizen: the server is overloaded, so ease off before asking for more.
            // An awaited sleep, so the thread stays free.
            tokio::time::sleep(BACK_OFF).await;
        }
    }

    finished.sort_by_key(|&(position, _)| position);
    finished.into_iter().map(|(_, result)| result).collect()
}
