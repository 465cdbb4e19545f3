//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed"
//! Each post is a `tokio::spawn`ed task (request and body on the runtime, digest on the blocking
//! pool) that sends `(index, result)` into a bounded `mpsc::channel(100)`, the size the tokio
//! docs' examples use. The function then awaits every `JoinHandle` first ("so that a panic is
//! passed on before anything else"), and only after that drains the channel into the slots of
//! `ids`. Up to 100 ids every send finds room at once and the answer is exactly the reference's.
//! With 101 ids or more, the 101st task waits in `send().await` for room that only the drain
//! would make, the drain waits for that task's handle: the requests were all sent and the digests
//! all ran, but the function never returns its results. A learner writes it because "the channel
//! buffers the results" and never tries more ids than the buffer holds.

use reqwest::Client;
use tokio::sync::mpsc;

/// Room for the results the tasks send before they are read.
const RESULTS_BUFFER: usize = 100;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (results, mut received) =
        mpsc::channel::<(usize, Result<u64, reqwest::Error>)>(RESULTS_BUFFER);
    let mut handles = Vec::with_capacity(ids.len());
    for (index, &id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let results = results.clone();
        handles.push(tokio::spawn(async move {
            let result = fetch_and_digest(client, url, digest).await;
            // The receiver lives until the end of the function: the send cannot fail.
            let _ = results.send((index, result)).await;
        }));
    }
    // Only the tasks' senders are left: the channel closes when the last task is done.
    drop(results);

    // Every task is finished first, so that a panic in one is passed on.
    for handle in handles {
        if let Err(err) = handle.await {
            std::panic::resume_unwind(err.into_panic());
        }
    }

    // Then the results, each in the slot of its id.
    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    while let Some((index, result)) = received.recv().await {
        slots[index] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every task sends its result before it ends"))
        .collect()
}

/// One post: the request and its body awaited, then the digest on the blocking pool.
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
