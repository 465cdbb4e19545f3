//! Wrong: breaks "no panic: `digest` itself never panics"
//! One spawned task per entry (request and raw body on the runtime, digest on `spawn_blocking`),
//! each reporting `(index, result)` through a tokio `mpsc::channel(ids.len())`: "as many places as
//! posts, so no task ever waits to report", the way `queue.Queue(maxsize=len(urls))` or Go's
//! `make(chan T, len(urls))` is sized. Go and `std::sync::mpsc::sync_channel(0)` take a size of
//! zero, but tokio's bounded channel asserts `buffer > 0`: called with no ids, the function
//! panics ("mpsc bounded channel requires buffer > 0") instead of returning an empty `Vec`.

use reqwest::Client;
use tokio::sync::mpsc;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (tx, mut rx) = mpsc::channel(ids.len());
    let mut handles = Vec::with_capacity(ids.len());
    for (index, &id) in ids.iter().enumerate() {
        let tx = tx.clone();
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        handles.push(tokio::spawn(async move {
            let result = fetch_and_digest(&client, url, digest).await;
            // The receiver outlives every task: a send only fails if it is gone.
            let _ = tx.send((index, result)).await;
        }));
    }
    drop(tx);

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> =
        (0..ids.len()).map(|_| None).collect();
    while let Some((index, result)) = rx.recv().await {
        slots[index] = Some(result);
    }
    // Every sender is gone: each task has either reported or panicked; pass a panic on.
    for handle in handles {
        if let Err(err) = handle.await {
            std::panic::resume_unwind(err.into_panic());
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every task reported"))
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
