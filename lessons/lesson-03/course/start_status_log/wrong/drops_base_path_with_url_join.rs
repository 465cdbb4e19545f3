//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path that must be kept": it builds each URL with `Url::join("posts/{id}")` (Python's `urljoin` habit), which replaces the last segment of a base without a trailing slash, so `http://host/api/v1` asks `http://host/api/posts/1` (a base with no path, or ending in `/`, works).
//!
//! `start_status_log` starts, in the background, one request per post and writes each answer's
//! status into a log shared with the caller, who may read it while the requests are still out.

use std::sync::{Arc, Mutex};

use futures::future::join_all;
use reqwest::{Client, Url};
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let client = client.clone();
    // A base that is no URL gives no request at all, so it logs nothing, as it should.
    let requests: Vec<(u64, Url)> = ids
        .iter()
        .filter_map(|&id| {
            let url = Url::parse(base_url)
                .ok()?
                .join(&format!("posts/{id}"))
                .ok()?;
            Some((id, url))
        })
        .collect();
    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            }
        });
        join_all(each).await;
    })
}
