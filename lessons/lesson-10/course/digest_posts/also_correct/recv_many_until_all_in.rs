//! Correct: one spawned task per entry (a clone of `client`, which shares its pool; request and
//! raw body on the runtime, digest awaited on `spawn_blocking`), each sending `(index, result)`
//! into an unbounded tokio channel; the function collects with `recv_many` in a loop, asking each
//! time for what is still missing (`recv_many` returns whatever is queued, at least one message),
//! until every entry has reported, then puts each result in its slot.

use reqwest::Client;
use tokio::sync::mpsc;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (tx, mut rx) = mpsc::unbounded_channel();
    let mut handles = Vec::with_capacity(ids.len());
    for (index, &id) in ids.iter().enumerate() {
        let tx = tx.clone();
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        handles.push(tokio::spawn(async move {
            let result = fetch_and_digest(&client, url, digest).await;
            let _ = tx.send((index, result));
        }));
    }
    // Only the tasks hold senders now: the channel closes when the last of them is done.
    drop(tx);

    let mut arrived = Vec::with_capacity(ids.len());
    while arrived.len() < ids.len() {
        let missing = ids.len() - arrived.len();
        if rx.recv_many(&mut arrived, missing).await == 0 {
            // Closed early: a task ended without reporting, which only a panic does.
            break;
        }
    }
    if arrived.len() < ids.len() {
        for handle in handles {
            if let Err(err) = handle.await {
                std::panic::resume_unwind(err.into_panic());
            }
        }
    }

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> =
        (0..ids.len()).map(|_| None).collect();
    for (index, result) in arrived {
        slots[index] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every entry reported"))
        .collect()
}

async fn fetch_and_digest(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
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
