//! Wrong: breaks "as soon as an answer's head arrives (its body is not needed), `(id, status)` is pushed onto `log`": for an error status (4xx, 5xx) the body is read first, to print the server's explanation on stderr, and only then is the entry pushed; a 404 or 500 whose body is slow (or never ends) reaches the log late (or only at the client's timeout), out of arrival order, while 2xx answers are logged on their head as they should.
//!
//! Exercise 5: log statuses as they arrive (warm-up: a lock held across `.await`).
//!
//! The contract, which `cargo test -p lesson-03` checks:
//! - the work runs in the background (`tokio::spawn`), and the function returns its handle at
//!   once; the handle ends when every request has ended and its entry, if any, is in the log;
//! - one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice),
//!   its URL made by appending to `base_url`, which may end in a path that must be kept; all
//!   through `client`, all in flight together (an empty `ids`: no request, and the handle ends);
//! - as soon as an answer's head arrives (its body is not needed), `(id, status)` is pushed
//!   onto `log`, whatever the status (a 200, a 404 and a 500 are all statuses to log), so the
//!   log lists them in the order the answers arrived; a request that got no answer (a failed
//!   connection) logs nothing; no panic, no retry, no timeout of your own (the client's
//!   settings say how long to wait);
//! - the log is shared: entries already in it stay, however many, and the lock is held only to push, never
//!   while a request is out, so the caller can read the log at any moment.

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
                let Ok(response) = client.get(url).send().await else {
                    return; // no answer, nothing to log
                };
                let status = response.status();
                if status.is_client_error() || status.is_server_error() {
                    // A failure is worth its explanation: the server says why in the body.
                    let why = response.text().await.unwrap_or_default();
                    eprintln!("post {id}: {status}: {}", why.trim());
                }
                log.lock().unwrap().push((id, status.as_u16()));
            }
        });
        join_all(each).await;
    })
}
