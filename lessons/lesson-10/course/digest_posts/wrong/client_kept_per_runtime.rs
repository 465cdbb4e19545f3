//! Wrong: breaks "through `client`"
//! The learner took lesson 10's note to heart, "A `Client` keeps its connections on the runtime
//! that opened them ... One client per runtime; within one runtime, one client for everything", and
//! lesson 01's pitfall of a client per request: the first client a runtime's call brings is kept,
//! keyed by the runtime's id, and every later call on that runtime sends through it, so that
//! callers who build a client per call still share one pool. A new runtime gets a client of its
//! own, so dropping a runtime and calling again works; but a second call on the same runtime with
//! another client (other headers, other timeouts, no redirects) uses the first.

use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::{Handle, Id};

/// The client of each runtime: the first one a call on it was given.
static CLIENTS: Mutex<Vec<(Id, Client)>> = Mutex::new(Vec::new());

/// The client for the current runtime, kept from the first call made on it.
fn client_of_this_runtime(offered: &Client) -> Client {
    let runtime = Handle::current().id();
    let mut clients = CLIENTS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, kept)) = clients.iter().find(|(id, _)| *id == runtime) {
        return kept.clone();
    }
    clients.push((runtime, offered.clone()));
    offered.clone()
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let shared = client_of_this_runtime(client);
    // The lesson's batch: a task per post, each with a clone of the (shared) client.
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            let client = shared.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let body = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
                Ok::<u64, reqwest::Error>(
                    digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
                )
            })
        })
        .collect();
    join_all(tasks)
        .await
        .into_iter()
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
}
