//! Wrong: breaks "a new request starts as soon as any one finishes, ... whatever the answers are (...: no pause before the next request)": after a request whose connection failed (`is_connect`), its slot sleeps 100 ms before the next id may start; statuses (429/503 included), bodies, the bound, order by position, repeats, no resend and `limit` 0/`usize::MAX` are right.

use std::time::Duration;

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

/// How long a slot rests after the server refused a connection.
const BACK_OFF: Duration = Duration::from_millis(100);

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, &id)| async move {
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
                // A refused connection means the server is overwhelmed (or restarting): give it
                // a moment before this slot opens another one. The failure itself is kept as is,
                // nothing is sent again.
                if photo.as_ref().is_err_and(reqwest::Error::is_connect) {
                    tokio::time::sleep(BACK_OFF).await;
                }
                (position, photo)
            })
            .buffer_unordered(limit.max(1))
            .collect()
            .await;

    numbered.sort_by_key(|(position, _)| *position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
