//! Correct: a hand-made sliding window on `futures::future::select_all`: up to `limit` boxed request futures, and each time one finishes the next id takes its place at once; `select_all` panics on an empty list, so it is called only while the window holds something, and empty `ids` or `limit` 0 or `usize::MAX` need no special case beyond `max(1)`.

use std::future::Future;
use std::pin::Pin;

use futures::future::select_all;
use lesson_support::models::Photo;
use reqwest::Client;

/// One request of the window: its position in `ids` and its outcome.
type Slot<'a> = Pin<Box<dyn Future<Output = (usize, Result<Photo, reqwest::Error>)> + 'a>>;

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let request = |position: usize, id: u64| -> Slot<'_> {
        Box::pin(async move {
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
    };

    let mut waiting = ids.iter().copied().enumerate();
    let mut window: Vec<Slot<'_>> = waiting
        .by_ref()
        .take(limit.max(1))
        .map(|(position, id)| request(position, id))
        .collect();
    let mut results: Vec<Option<Result<Photo, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();

    // `select_all` polls every future of the window each time it is woken: fine for a window
    // of tens or hundreds (as `join_all` does below 30 futures), quadratic for thousands.
    while !window.is_empty() {
        let ((position, photo), _index, rest) = select_all(window).await;
        results[position] = Some(photo);
        window = rest;
        if let Some((position, id)) = waiting.next() {
            window.push(request(position, id));
        }
    }
    // Every position was filled exactly once: the window ran until nothing was waiting.
    results.into_iter().flatten().collect()
}
