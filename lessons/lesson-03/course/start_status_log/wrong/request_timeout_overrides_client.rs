//! Wrong: breaks "no timeout of your own (the client's settings say how long to wait)"
//! Each request gets `.timeout(60 s)`, meant as a generous safety net "in case the client has no
//! timeout", and longer than the course client's 30 s, so the learner believes it can never cut
//! an answer short. But `RequestBuilder::timeout` does not add a second limit: it *replaces* the
//! client's (reqwest: "overrides the timeout configured using `ClientBuilder::timeout()`"). No
//! answer within 30 s is affected, and nothing gives up before 30 s; but an answer that comes
//! after the client's timeout (at 45 s, say) is waited for and logged instead of being
//! abandoned at 30 s, and a client with no timeout, or with a longer one, gets 60 s.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;
use tokio::task::JoinHandle;

/// The longest any request may take: well above the client's own timeout, so it only matters
/// when a client without one is passed in.
const SAFETY_NET: Duration = Duration::from_secs(60);

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
                if let Ok(response) = client.get(url).timeout(SAFETY_NET).send().await {
                    log.lock().unwrap().push((id, response.status().as_u16()));
                }
            }
        });
        join_all(each).await;
    })
}
