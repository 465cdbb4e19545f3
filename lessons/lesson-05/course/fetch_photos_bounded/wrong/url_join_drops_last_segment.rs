//! Wrong: breaks "`base_url` may end in a path (`http://host/api/v1`), which the URL keeps": the URL is built with `Url::join("photos/{id}")` (no leading slash, "so a trailing slash or not doesn't matter"), but a base without a trailing slash loses its last segment, `http://host/api/v1` + `photos/7` = `http://host/api/photos/7`; right only for a bare `http://host:port` (or a base ending in `/`), and cap, order and errors are all right.

use futures::StreamExt;
use lesson_support::models::Photo;
use reqwest::{Client, Url};

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // Parse the base once; `join` then resolves each photo's path against it, the way a
    // browser resolves a relative link, instead of gluing strings together.
    let base = Url::parse(base_url).ok();
    let base = &base;

    let mut finished: Vec<(usize, Result<Photo, reqwest::Error>)> =
        futures::stream::iter(ids.iter().copied().enumerate())
            .map(|(position, id)| async move {
                let url = match base
                    .as_ref()
                    .and_then(|base| base.join(&format!("photos/{id}")).ok())
                {
                    Some(url) => url.to_string(),
                    // Not a URL at all: let reqwest report it, as an error for this id.
                    None => format!("{base_url}/photos/{id}"),
                };
                let result = async {
                    client
                        .get(url)
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
            .collect()
            .await;

    finished.sort_by_key(|&(position, _)| position);
    finished.into_iter().map(|(_, result)| result).collect()
}
