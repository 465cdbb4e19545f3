//! Correct, written another way: it builds every `reqwest::Request` up front with `RequestBuilder::build()` (method, URL and headers only: nothing is sent and, unlike calling `send()` early, no timeout clock starts, since the client's timeout begins in `Client::execute`) and hands them to `client.execute` inside a `buffer_unordered` window, numbered, then sorted back into the order of `ids`; a check that takes any work done before the window for `send_futures_built_up_front` would reject it.

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::{Client, Request};

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // Inert values: a `Request` is a description, and `execute` is only called in its slot.
    let requests: Vec<Result<Request, reqwest::Error>> = ids
        .iter()
        .map(|id| client.get(format!("{base_url}/photos/{id}")).build())
        .collect();

    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::iter(requests.into_iter().enumerate())
            .map(|(position, request)| async move {
                let photo = async {
                    client
                        .execute(request?)
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
