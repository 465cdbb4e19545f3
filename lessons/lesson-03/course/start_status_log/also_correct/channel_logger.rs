//! Correct: the requests do not touch the log at all; each sends its `(id, status)` down an unbounded channel the moment its head arrives, and a second branch of the same spawned task (joined with `tokio::join!`) drains the channel into the log, one short lock per push. The channel keeps arrival order, the returned handle is that task, and it ends only once every sender is gone and every entry is pushed.

use std::sync::{Arc, Mutex};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::mpsc;
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
        let (answers, mut arrived) = mpsc::unbounded_channel::<(u64, u16)>();
        let asking = async move {
            let each: Vec<_> = requests
                .into_iter()
                .map(|(id, url)| {
                    let (client, answers) = (client.clone(), answers.clone());
                    async move {
                        if let Ok(response) = client.get(url).send().await {
                            let _ = answers.send((id, response.status().as_u16()));
                        }
                    }
                })
                .collect();
            // Only the clones inside the requests keep the channel open from here on.
            drop(answers);
            join_all(each).await;
        };
        let logging = async move {
            while let Some(entry) = arrived.recv().await {
                log.lock().unwrap().push(entry);
            }
        };
        tokio::join!(asking, logging);
    })
}
