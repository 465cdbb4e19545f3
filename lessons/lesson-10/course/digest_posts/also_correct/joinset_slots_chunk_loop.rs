//! Correct, written another way: one `tokio::spawn`ed task per entry in a `JoinSet` (a clone of `client`, which shares its pool), each task reads its body with a `chunk()` loop and digests it with `spawn_blocking`; the results are put back in the order of `ids` by their index.
//! Every task is on the runtime, so the requests and their bodies are sent and read by async code
//! there; a body that is in is digested at once, whatever the other tasks are doing, and the
//! digests of different posts run side by side on the blocking pool. The `chunk()` loop keeps
//! every byte as it arrived and passes a body error on with `?`, as `bytes()` would. An error
//! (status or connection, head or body) returns before `spawn_blocking`, so `digest` is not
//! called. The tasks report `(index, result)`; `join_next` gives them in the order they end, and
//! each lands in its own slot, so the `Vec` comes out in the order of `ids` (empty for no ids).
//! Dropping the call drops the `JoinSet`, which aborts the tasks still waiting on the network.

use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut tasks = JoinSet::new();
    for (slot, id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tasks.spawn(async move { (slot, fetch_and_digest(client, url, digest).await) });
    }

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    while let Some(joined) = tasks.join_next().await {
        let (slot, outcome) =
            joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        slots[slot] = Some(outcome);
    }
    slots
        .into_iter()
        .map(|outcome| outcome.expect("every task reports its slot"))
        .collect()
}

/// One post's pipeline: the request and its body on the runtime, the digest on the blocking pool.
async fn fetch_and_digest(
    client: Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let mut response = client.get(url).send().await?.error_for_status()?;
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await? {
        body.extend_from_slice(&chunk);
    }
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}
