//! Right: the stream is numbered with `StreamExt::enumerate` (not the iterator's), the window is the chapter's `limit.clamp(1, ids.len().max(1))`, the status is checked with `and_then(Response::error_for_status)` and a `match` instead of `?`, and the results are collected straight into a `BTreeMap` keyed by position, whose `into_values()` gives them in the order of `ids`, with no sort.

use std::collections::BTreeMap;

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::{Client, Response};

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // 0 means 1, and more slots than ids change nothing (this also keeps `usize::MAX` tame).
    let window = limit.clamp(1, ids.len().max(1));
    let by_position: BTreeMap<usize, Result<Photo, reqwest::Error>> = stream::iter(ids)
        .enumerate()
        .map(|(position, id)| async move {
            let answer = client
                .get(format!("{base_url}/photos/{id}"))
                .send()
                .await
                .and_then(Response::error_for_status);
            let photo = match answer {
                Ok(response) => response.json::<Photo>().await,
                Err(error) => Err(error),
            };
            (position, photo)
        })
        .buffer_unordered(window)
        .collect()
        .await;
    // A `BTreeMap` iterates in key order: the positions, 0, 1, 2…
    by_position.into_values().collect()
}
