//! Wrong: the "`(id, status)`" clause: only the URLs are kept, and each entry's id is read back
//! from the last segment of the answer's URL, so an answer that was redirected is logged under
//! the id it was redirected to (and one whose final URL does not end in a number is not logged).

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
    let urls: Vec<String> = ids
        .iter()
        .map(|id| format!("{base_url}/posts/{id}"))
        .collect();
    tokio::spawn(async move {
        let each = urls.into_iter().map(|url| {
            let (client, log) = (&client, &log);
            async move {
                if let Ok(response) = client.get(url).send().await {
                    // The answer knows which post it is: `/posts/{id}` is the end of its URL.
                    let id = response
                        .url()
                        .path_segments()
                        .and_then(|mut segments| segments.next_back())
                        .and_then(|last| last.parse::<u64>().ok());
                    if let Some(id) = id {
                        log.lock().unwrap().push((id, response.status().as_u16()));
                    }
                }
            }
        });
        join_all(each).await;
    })
}
