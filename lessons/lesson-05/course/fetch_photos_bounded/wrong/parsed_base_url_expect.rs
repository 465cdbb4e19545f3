//! Wrong: breaks "a `base_url` that is no URL (`127.0.0.1:3000`, its scheme left out) is an `Err`" and "never a panic": it checks the base URL up front with `Url::parse(base_url).expect(..)`, the tidy habit of validating input first, so a base URL without its scheme panics where `send()` would return the error; everything else is the reference's.

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
    // Check the input first: a base URL we cannot parse is the caller's bug.
    let _ = reqwest::Url::parse(base_url).expect("the caller passes a valid base URL");
    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            // One future per id, built only when the stream pulls it, carrying the id's
            // position so that its result can go back in place.
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
            // At most `limit` in flight, and a new one started as soon as any finishes. Not
            // `buffered`: to keep the order it holds answers back behind a slow one, and held
            // answers count against the limit. `limit` 0 would start nothing: 0 means 1.
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    // Back in the order of `ids`.
    numbered.sort_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
