//! Wrong: breaks "one entry per id, in the order of `ids`" for errors: the `?` inside each request future returns the error without its position (`Result<(usize, Photo), _>`), so photos go back to their positions but the errors are dealt into the empty slots in the order they *finished*; with one failure, or failures that finish in order, every entry is right, but two failures that finish out of order (a slow 500 before a quick 404) swap places.

use futures::StreamExt;
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
    let outcomes: Vec<Result<(usize, Photo), reqwest::Error>> =
        futures::stream::iter(ids.iter().copied().enumerate())
            .map(|(position, id)| async move {
                let photo = client
                    .get(format!("{base_url}/photos/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Photo>()
                    .await?;
                Ok::<_, reqwest::Error>((position, photo))
            })
            .buffer_unordered(limit.max(1))
            .collect()
            .await;

    let mut slots: Vec<Option<Result<Photo, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    let mut errors = Vec::new();
    for outcome in outcomes {
        match outcome {
            Ok((position, photo)) => slots[position] = Some(Ok(photo)),
            Err(err) => errors.push(err),
        }
    }
    // Every slot a photo did not fill belongs to a failed id, and there are exactly as many
    // errors as empty slots.
    let mut errors = errors.into_iter();
    slots
        .into_iter()
        .map(|slot| slot.unwrap_or_else(|| Err(errors.next().expect("one error per empty slot"))))
        .collect()
}
