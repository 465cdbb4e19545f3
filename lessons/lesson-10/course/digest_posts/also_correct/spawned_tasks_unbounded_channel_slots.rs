//! Correct, written another way: one `tokio::spawn`ed task per entry, held in a `JoinSet`, each sending `(index, result)` into an unbounded `mpsc` channel that the function drains while the tasks run, putting every result in the slot of its id.
//! Each task sends its request and reads its body on the runtime, then awaits `spawn_blocking`
//! for the digest: a body that is in is digested at once, whatever the other tasks are doing,
//! and the digests of different posts run side by side on the blocking pool. The channel is
//! unbounded and drained concurrently, so no task ever waits to hand its result over, however
//! many ids there are; it closes when the last task has dropped its sender, and the slots put the
//! results back in the order of `ids` (an id listed twice has two slots, two requests). The
//! `JoinSet` then passes on a panic, had a task panicked, and if the caller drops this future
//! midway, dropping the set aborts the tasks still on the wire, as `join_all` would drop them.

use reqwest::Client;
use tokio::sync::mpsc;
use tokio::task::JoinSet;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (results, mut received) = mpsc::unbounded_channel::<(usize, Result<u64, reqwest::Error>)>();
    let mut tasks = JoinSet::new();
    for (index, &id) in ids.iter().enumerate() {
        // A `Client` is an `Arc` inside: the clone shares its connection pool.
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let results = results.clone();
        tasks.spawn(async move {
            let result = fetch_and_digest(client, url, digest).await;
            // The receiver lives until every task is done: the send cannot fail.
            let _ = results.send((index, result));
        });
    }
    // Only the tasks hold senders now: the channel closes once the last of them is done.
    drop(results);

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    while let Some((index, result)) = received.recv().await {
        slots[index] = Some(result);
    }

    // Every task has ended; one that panicked ended without sending: pass its panic on.
    while let Some(joined) = tasks.join_next().await {
        if let Err(err) = joined {
            if err.is_panic() {
                std::panic::resume_unwind(err.into_panic());
            }
        }
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every task that did not panic sent its result"))
        .collect()
}

/// One post: the request and its body awaited on the runtime, then the digest on the blocking
/// pool; an error status or a failed request is an `Err`, and nothing is digested.
async fn fetch_and_digest(
    client: Client,
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
