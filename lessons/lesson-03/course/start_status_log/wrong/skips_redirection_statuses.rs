//! Wrong: breaks "`(id, status)` is pushed onto `log`, whatever the status": it leaves out any 3xx that reaches it (a 304, a 300 or 301 without a `Location`), reasoning that reqwest follows redirects itself so a 3xx left over is not the post's real answer. 2xx, 4xx and 5xx are logged as their heads arrive, in arrival order; the requests, the concurrency, the shared log and the handle are all right.

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
    let client = client.clone();
    let requests: Vec<(u64, String)> = ids
        .iter()
        .map(|&id| (id, format!("{base_url}/posts/{id}")))
        .collect();
    tokio::spawn(async move {
        let each = requests.into_iter().map(|(id, url)| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    let status = response.status();
                    // reqwest follows redirects by itself: a 3xx that still gets here is a hop
                    // it could not take, not the post's answer, so there is nothing to log.
                    if !status.is_redirection() {
                        log.lock().unwrap().push((id, status.as_u16()));
                    }
                }
            }
        });
        join_all(each).await;
    })
}
