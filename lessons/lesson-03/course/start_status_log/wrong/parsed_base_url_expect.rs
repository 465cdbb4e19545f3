//! Wrong: breaks "a `base_url` that is no URL logs nothing" and "no panic": it checks the base URL up front with `Url::parse(base_url).expect(..)`, the tidy habit of validating input first, so a base URL without its scheme panics where `send()` would fail the request; everything else is the reference's.

use std::sync::{Arc, Mutex};

use futures::future::join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let base = reqwest::Url::parse(base_url).expect("the caller passes a valid base URL");
    let base = base.as_str().trim_end_matches('/').to_owned();
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        let requests = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status().as_u16();
                    log.lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((id, status));
                }
            }
        });
        join_all(requests).await;
    })
}
