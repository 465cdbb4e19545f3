//! Wrong: a request that got no answer logs nothing, and the others go on until each has its entry; here each request uses `?` and they run under `try_join_all`, so the first failed connection drops every request still out: they are never logged, and the handle ends before their answers.

use std::sync::{Arc, Mutex};

use futures::future::try_join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts asking for every post in `ids`, logging `(id, status)` as each answer arrives.
pub fn start_status_log(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Arc<Mutex<Vec<(u64, u16)>>>,
) -> JoinHandle<()> {
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                let response = client.get(url).send().await?;
                log.lock().unwrap().push((id, response.status().as_u16()));
                Ok::<_, reqwest::Error>(())
            }
        });
        // Nothing to hand back: an error only means that request got no answer.
        let _ = try_join_all(each).await;
    })
}
