//! Wrong: breaks "a request that got no answer (a failed connection, or a `base_url` that is no URL, such as `127.0.0.1:3000` without its scheme (add none)) logs nothing"
//! A request the client gave up on because its timeout ran out is logged as `(id, 504)`, the
//! status a gateway reports when the server behind it is too slow. The learner's reasoning: a
//! refused or dropped connection, or a bad URL, never reached a server and so has no status, but
//! a timeout means the server was there and was slow, and a status log that leaves slow servers
//! out hides exactly what it is for. Every other case is right: a dropped connection or a bad
//! URL logs nothing, and nothing gives up before the client's own timeout; only a request that
//! is still unanswered when that timeout ends puts an entry in the log, for an answer that never
//! came.

use std::sync::{Arc, Mutex};

use futures::future::join_all;
use reqwest::{Client, StatusCode};
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
                let status = match client.get(url).send().await {
                    Ok(response) => response.status(),
                    // The server was there but too slow: log it as a gateway would.
                    Err(error) if error.is_timeout() => StatusCode::GATEWAY_TIMEOUT,
                    // No server to answer at all: nothing to log.
                    Err(_) => return,
                };
                log.lock().unwrap().push((id, status.as_u16()));
            }
        });
        join_all(each).await;
    })
}
