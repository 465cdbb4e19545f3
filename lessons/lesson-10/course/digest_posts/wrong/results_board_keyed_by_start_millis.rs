//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed" (for each call, its own results; and "no panic")
//! Each post is a `tokio::spawn`ed task, as in the lesson's `batch` (a clone of `client`; request
//! and raw body on the runtime, digest on `spawn_blocking`). A spawned task cannot borrow a local
//! `Vec`, so, like the module-level dict of the learner's Python, every task writes its result on
//! one process-wide board, under the call's id and its position, and the call takes its entries
//! off once its tasks are done. The call's id is a request id the usual way, the clock in
//! milliseconds: unique for calls made one after the other, but two calls started together (as
//! `tokio::join!` starts them) get the same id, write over each other's entries, and the second
//! to finish finds its places empty.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use futures::future::join_all;
use reqwest::Client;

type Outcome = Result<u64, reqwest::Error>;

/// Every call's results, by (call id, position), until the call takes them.
static BOARD: Mutex<BTreeMap<(u128, usize), Outcome>> = Mutex::new(BTreeMap::new());

/// A request id, as a log line would carry one.
fn call_id() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.as_millis())
        .unwrap_or_default()
}

async fn digest_one(client: Client, url: String, digest: fn(&[u8]) -> u64) -> Outcome {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let call = call_id();
    let tasks: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(position, id)| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let outcome = digest_one(client, url, digest).await;
                BOARD
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert((call, position), outcome);
            })
        })
        .collect();
    for joined in join_all(tasks).await {
        // A task only fails to join if it panicked; pass the panic on.
        joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
    }
    let mut board = BOARD.lock().unwrap_or_else(PoisonError::into_inner);
    (0..ids.len())
        .map(|position| {
            board
                .remove(&(call, position))
                .expect("every task of this call wrote its place before it ended")
        })
        .collect()
}
