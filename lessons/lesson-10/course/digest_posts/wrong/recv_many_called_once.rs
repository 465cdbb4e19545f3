//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` ..."
//! Each post is a spawned task (request and raw body on the runtime, digest on `spawn_blocking`)
//! that sends `(index, result)` into an unbounded tokio channel; the learner collects them with a
//! single `rx.recv_many(&mut buffer, ids.len()).await`, reading it like `read_exact`: "receive
//! `limit` messages". But `recv_many` returns as soon as at least one message is there, with
//! whatever is queued (up to `limit`): every result that was not in yet when the receiver woke is
//! missing, and the `Vec` comes back shorter than `ids` (right for one id, or when every digest
//! happens to finish before the receiver first runs).

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
    for (index, &id) in ids.iter().enumerate() {
        let tx = tx.clone();
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tokio::spawn(async move {
            let result = fetch_and_digest(&client, url, digest).await;
            let _ = tx.send((index, result));
        });
    }
    drop(tx);

    // "Receive all `ids.len()` results into the buffer."
    let mut arrived = Vec::with_capacity(ids.len());
    rx.recv_many(&mut arrived, ids.len()).await;
    arrived.sort_by_key(|(index, _)| *index);
    arrived.into_iter().map(|(_, result)| result).collect()
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
