//! Right: the URL is built as a `reqwest::Url` with `path_segments_mut().pop_if_empty().push("photos").push(id)` (which keeps a base path like `/api/v1` and copes with a trailing `/`; an unparsable base falls back to the plain string, whose request then fails with an `Err`), and the answers of `buffer_unordered(limit.max(1))` are folded with `StreamExt::fold` straight into one `Option` slot per position, with no sort.

use futures::StreamExt;
use futures::stream;
use lesson_support::models::Photo;
use reqwest::{Client, Url};

/// `{base}/photos/{id}`, keeping whatever path the base has; `None` when the base cannot carry
/// a path (a `mailto:`-style URL).
fn photo_url(base: &Url, id: u64) -> Option<Url> {
    let mut url = base.clone();
    url.path_segments_mut()
        .ok()?
        .pop_if_empty()
        .push("photos")
        .push(&id.to_string());
    Some(url)
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    let base = Url::parse(base_url).ok();
    let base = &base;

    let empty: Vec<Option<Result<Photo, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    let slots = stream::iter(ids.iter().copied().enumerate())
        .map(|(position, id)| async move {
            let request = match base.as_ref().and_then(|base| photo_url(base, id)) {
                Some(url) => client.get(url),
                // Not a URL we can extend: let reqwest report the problem as this id's error.
                None => client.get(format!("{base_url}/photos/{id}")),
            };
            let result = async {
                request
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Photo>()
                    .await
            }
            .await;
            (position, result)
        })
        .buffer_unordered(limit.max(1))
        .fold(empty, |mut slots, (position, result)| async move {
            slots[position] = Some(result);
            slots
        })
        .await;

    slots
        .into_iter()
        .map(|slot| slot.expect("buffer_unordered yields one answer per id"))
        .collect()
}
