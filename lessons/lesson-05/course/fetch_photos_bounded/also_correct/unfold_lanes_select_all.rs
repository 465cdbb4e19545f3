//! Correct, written another way: `limit` lanes (no more than there are ids), each a `stream::unfold` that takes the next position from a shared `AtomicUsize` and fetches it, merged with `stream::select_all`; a lane takes its next id as soon as its answer is read, and the numbered results are put back in order at the end.

use std::sync::atomic::{AtomicUsize, Ordering};

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
    let lanes = limit.max(1).min(ids.len());
    let next = AtomicUsize::new(0);
    let next = &next;

    let streams: Vec<_> = (0..lanes)
        .map(move |_| {
            Box::pin(stream::unfold((), move |()| async move {
                let position = next.fetch_add(1, Ordering::SeqCst);
                let id = *ids.get(position)?;
                let photo = lesson_05::fetch_photo(client, base_url, id).await;
                Some(((position, photo), ()))
            }))
        })
        .collect();

    let mut numbered: Vec<(usize, Result<Photo, reqwest::Error>)> =
        stream::select_all(streams).collect().await;
    numbered.sort_unstable_by_key(|&(position, _)| position);
    numbered.into_iter().map(|(_, photo)| photo).collect()
}
