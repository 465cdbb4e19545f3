//! Correct, written another way: it builds each URL with `Url::path_segments_mut` (keeping the base's path, with or without a trailing `/`), runs every request as its own task in a `JoinSet` owned by the background task, and waits for all of them with `join_next` before the handle ends; each task pushes in one statement once its head is in.

use std::sync::{Arc, Mutex, PoisonError};

use reqwest::{Client, Url};
use tokio::task::{JoinHandle, JoinSet};

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids.iter().map(|&id| (id, post_url(base_url, id))).collect();
    tokio::spawn(async move {
        let mut in_flight = JoinSet::new();
        for (id, url) in requests {
            let client = client.clone();
            let log = Arc::clone(&log);
            in_flight.spawn(async move {
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status().as_u16();
                    log.lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push((id, status));
                }
            });
        }
        // Every task must be done, and so its entry pushed, before this one ends.
        while in_flight.join_next().await.is_some() {}
    })
}

/// `{base_url}/posts/{id}`, appended segment by segment to whatever path `base_url` has.
fn post_url(base_url: &str, id: u64) -> String {
    let fallback = || format!("{base_url}/posts/{id}");
    let Ok(mut url) = Url::parse(base_url) else {
        return fallback();
    };
    match url.path_segments_mut() {
        Ok(mut segments) => {
            segments.pop_if_empty().push("posts").push(&id.to_string());
        }
        Err(()) => return fallback(),
    }
    url.into()
}
