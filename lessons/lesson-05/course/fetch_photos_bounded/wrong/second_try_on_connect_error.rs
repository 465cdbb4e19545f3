//! Wrong: breaks "a request that fails is not sent again"
//! A request whose connection could not be made (`err.is_connect()`: refused, reset while
//! connecting) is sent once more before it is reported. The learner reasons that nothing
//! reached the server, so a second try is free and a server restarting under us gets a
//! second chance. But the request failed, and it is sent again. The server never sees the first
//! attempt, so counting requests on the server's side cannot show it; a dropped connection
//! (an error after the request went out) is still reported at once.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

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
                let url = format!("{base_url}/photos/{id}");
                let photo = async {
                    let mut sent = client.get(&url).send().await;
                    // Nothing was sent if we could not even connect: one more try is harmless.
                    if matches!(&sent, Err(err) if err.is_connect()) {
                        sent = client.get(&url).send().await;
                    }
                    sent?.error_for_status()?.json::<Photo>().await
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
