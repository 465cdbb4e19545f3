//! Wrong: breaks "one GET `{base_url}/photos/{id}` per entry of `ids`, all sent through `client`": a photo never changes, so (like a module-level dict or `functools.lru_cache` in Python) every photo fetched is kept in a process-wide cache keyed by its full URL and served from there on later calls, without a request; the cache is read once, before the window opens, so repeats within one call are still fetched twice, and a first call is exactly the reference, but a second call for the same photos on the same server sends nothing (and hands back a photo the server may since have changed or deleted).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use futures::stream::{self, StreamExt};
use lesson_support::models::Photo;
use reqwest::Client;

/// Every photo fetched so far in this process, by URL.
static FETCHED: OnceLock<Mutex<HashMap<String, Photo>>> = OnceLock::new();

fn fetched() -> &'static Mutex<HashMap<String, Photo>> {
    FETCHED.get_or_init(Mutex::default)
}

/// Fetches the photos with the given ids, at most `limit` requests at a time; one result per
/// id, in the order of `ids`.
pub async fn fetch_photos_bounded(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limit: usize,
) -> Vec<Result<Photo, reqwest::Error>> {
    // What earlier calls already fetched, copied out so that no lock is held across an
    // `.await`. (Read once, up front: an id repeated in this call is still fetched again.)
    let known: HashMap<String, Photo> = {
        let cache = fetched().lock().unwrap_or_else(PoisonError::into_inner);
        ids.iter()
            .filter_map(|id| {
                let url = format!("{base_url}/photos/{id}");
                let photo = cache.get(&url)?.clone();
                Some((url, photo))
            })
            .collect()
    };
    let known = &known;

    let mut numbered: Vec<(usize, String, Result<Photo, reqwest::Error>)> =
        stream::iter(ids.iter().enumerate())
            .map(|(position, id)| async move {
                let url = format!("{base_url}/photos/{id}");
                if let Some(photo) = known.get(&url) {
                    return (position, url, Ok(photo.clone()));
                }
                let photo = async {
                    client
                        .get(&url)
                        .send()
                        .await?
                        .error_for_status()?
                        .json::<Photo>()
                        .await
                }
                .await;
                (position, url, photo)
            })
            .buffer_unordered(limit.max(1))
            .collect()
            .await;
    numbered.sort_by_key(|(position, _, _)| *position);

    // Remember this call's photos for the next one (errors are not cached: they may pass).
    {
        let mut cache = fetched().lock().unwrap_or_else(PoisonError::into_inner);
        for (_, url, result) in &numbered {
            if let Ok(photo) = result {
                cache.insert(url.clone(), photo.clone());
            }
        }
    }
    numbered.into_iter().map(|(_, _, photo)| photo).collect()
}
