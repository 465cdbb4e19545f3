//! Wrong: breaks "the result, in the order of `ids`"
//! The `asyncio.wait(..., return_when=FIRST_COMPLETED)` loop, ported with
//! `futures::future::select_all`: every pipeline (GET, status, raw bytes on the runtime, digest on
//! the blocking pool) is in flight at once, and the learner keeps a parallel `positions` vector,
//! taking out `positions.remove(index)` for the `index` that `select_all` reports, "the remaining
//! futures stay in the same order". They do not: `select_all` takes the finished future out with
//! `swap_remove`, so the last pending future moves into its place and every later result lands in
//! another entry's slot. With one or two posts the results are right (the learner's test); with
//! three or more distinct posts, almost any order of completion puts results (digests and errors
//! alike) at the wrong positions. No panic: every slot is still filled once.

use futures::future::select_all;
use reqwest::Client;

/// One post's pipeline: the request and its body on the runtime, the digest on the blocking pool.
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
    let mut results: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    let mut pending: Vec<_> = ids
        .iter()
        .map(|&id| Box::pin(fetch_and_digest(client, base_url, id, digest)))
        .collect();
    // positions[i] is the entry of `ids` that pending[i] belongs to.
    let mut positions: Vec<usize> = (0..ids.len()).collect();

    // `select_all` panics on an empty list: loop only while something is pending.
    while !pending.is_empty() {
        let (result, index, rest) = select_all(pending).await;
        let position = positions.remove(index);
        results[position] = Some(result);
        pending = rest;
    }

    results
        .into_iter()
        .map(|slot| slot.unwrap_or_else(|| unreachable!("every position gets a result")))
        .collect()
}
