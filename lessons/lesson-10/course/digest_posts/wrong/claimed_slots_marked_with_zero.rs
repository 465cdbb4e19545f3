//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)`" for `ids` holding post 0 twice (`[0, 0]`), or post 0 after a post that finished before it (`[7, 0]`): two results land in one place, the other place stays empty, and the call panics
//! The pipelines run together in a `FuturesUnordered` and come back tagged with their id, the
//! way a log line names them; each result takes the first place in `ids` that still holds its
//! id, and that place is then marked taken with 0 (a plain `Vec<u64>` instead of a
//! `Vec<Option<u64>>`: "post ids start at 1", as in every API the course has used), so an id
//! listed twice fills both its places. But 0 is a `u64` like any other: a result for post 0
//! finds the first place marked taken (its own, again, or another post's) and lands there.
//! Lists without post 0, repeats included, come back in order.

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// Marks a place of `ids` whose result is in.
const TAKEN: u64 = 0;

/// One post's pipeline: the GET and its body on the runtime, then the digest on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(format!("{base_url}/posts/{id}"))
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
    let mut in_flight: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move { (id, fetch_and_digest(client, base_url, id, digest).await) })
        .collect();

    let mut waiting: Vec<u64> = ids.to_vec();
    let mut results: Vec<Option<Result<u64, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    while let Some((id, result)) = in_flight.next().await {
        let place = waiting
            .iter()
            .position(|&waiting_id| waiting_id == id)
            .expect("every answer is for an id that was asked");
        waiting[place] = TAKEN;
        results[place] = Some(result);
    }
    results
        .into_iter()
        .map(|result| result.expect("every place of `ids` got its result"))
        .collect()
}
