//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path that must be kept": the URL is made with `Url::join("posts/{id}")`, which replaces the base's last path segment (`http://host/api` gives `http://host/posts/7`, `http://host/api/v1` gives `http://host/api/posts/7`); with a bare `http://host` base it is right, and the spawning, concurrency and logging are all as asked.

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
    // Parse the base once and let `Url` resolve each post's path against it, rather than
    // gluing strings together and hoping the slashes line up.
    let base = Url::parse(base_url).ok();
    let requests: Vec<(u64, Option<Url>)> = ids
        .iter()
        .map(|&id| {
            let url = base
                .as_ref()
                .and_then(|base| base.join(&format!("posts/{id}")).ok());
            (id, url)
        })
        .collect();

    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                // A URL that cannot be made gets no answer: nothing to log.
                let Some(url) = url else { return };
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status().as_u16();
                    log.lock().unwrap().push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
