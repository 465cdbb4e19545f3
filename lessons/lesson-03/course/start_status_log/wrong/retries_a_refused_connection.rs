//! Wrong: breaks "a request that got no answer (a failed connection) logs nothing; no panic, no retry": when the connection is refused (`err.is_connect()`), it asks once more at once, reasoning that nothing reached the server, so a second try cannot repeat anything and the server may just be starting; a dropped connection, which may have reached the server, is left alone, so it logs nothing as it should.

use std::sync::{Arc, Mutex, PoisonError};

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
                let mut answer = client.get(&url).send().await;
                // Refused: the request never left this machine, so sending it again is safe
                // and costs nothing.
                if answer.as_ref().is_err_and(|err| err.is_connect()) {
                    answer = client.get(&url).send().await;
                }
                if let Ok(response) = answer {
                    let status = response.status().as_u16();
                    log.lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push((id, status));
                }
            }
        });
        join_all(each).await;
    })
}
