//! Correct: the `asyncio.wait(..., return_when=FIRST_COMPLETED)` loop, ported with
//! `futures::future::select_all`: every pipeline (GET, status, raw bytes on the runtime, then the
//! digest awaited on `spawn_blocking`) is boxed and tagged with its position in `ids`, the loop
//! takes whichever finishes next and puts it in its slot. `select_all`'s own index is not used (it
//! is an index into a list it reorders with `swap_remove`), only the tag; an empty `ids` never
//! reaches `select_all`, which panics on an empty list.

use futures::FutureExt;
use futures::future::{BoxFuture, select_all};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut pending: Vec<BoxFuture<'_, (usize, Result<u64, reqwest::Error>)>> = ids
        .iter()
        .enumerate()
        .map(|(position, &id)| {
            async move { (position, pipeline(client, base_url, id, digest).await) }.boxed()
        })
        .collect();

    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while !pending.is_empty() {
        let ((position, outcome), _, rest) = select_all(pending).await;
        slots[position] = Some(outcome);
        pending = rest;
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every position is filled once"))
        .collect()
}

/// One post: the GET and its body on the runtime, then the digest awaited on the blocking pool.
async fn pipeline(
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
