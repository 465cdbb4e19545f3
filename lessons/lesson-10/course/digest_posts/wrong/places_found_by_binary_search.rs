//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)`" (and "no panic: `digest` itself never panics") for `ids` that are not in ascending order, or that hold an id twice: each result comes back tagged with its post's id, and its place is found with `ids.binary_search(&id)`, which is only meaningful on a sorted slice. With `[2, 1]` or `[3, 1, 2]` some id is not found where it is (its "insertion point" is taken for its place, out of range or another post's), and with `[1, 1]` both copies find the same place: the call panics (an index out of range, or a place left empty), or for some orders returns results in the wrong places. Sorted ids without repeats (`[1, 2, 3]`, `[4, 9, 100]`) come back right.
//!
//! A learner who drives the pipelines with a `FuturesUnordered` (so each digest starts as soon
//! as its body is in) has to put the results back in order, and reaches for the fastest lookup
//! of an id's place: the lesson's examples always ask `1..=n`, already sorted, so the binary
//! search works in every run they try.
//!
//! Exercise 15: digest many posts, without blocking the runtime.
//!
//! `digest_posts(client, base_url, ids, digest)` fetches every post in `ids` at once and hands
//! each answer's body to `digest`. `digest` is a *blocking* function: it may take a long time and
//! waits without `.await` (think of a hash of a large body, a parser, a call into a synchronous
//! library). Contract:
//! - one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in
//!   flight together, its URL made by appending to `base_url`, which may end in a path such as
//!   `/api` that must be kept, through `client`; the requests, their bodies included, are sent
//!   and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your
//!   own (a blocking thread held for a request, or while a body arrives, is one fewer for
//!   blocking work);
//! - a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again),
//!   goes to `digest` once, as soon as that body is in: a digest never waits for other requests;
//! - `digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks
//!   keep running, and the digests of different posts run at the same time (tokio's blocking
//!   pool, or threads of your own, awaited without blocking);
//! - the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed
//!   (an error status, any 4xx or 5xx: the error then carries it; a failed connection), and then
//!   `digest` is not called; any other status (a 3xx the client does not follow, say a 300) is an
//!   answer like a 200; a slow answer is waited for, with no time limit of your own (the
//!   client's timeouts, set by whoever built it, are the limit);
//! - no panic: `digest` itself never panics.

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut pending: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move { (id, fetch_and_digest(client, base_url, id, digest).await) })
        .collect();

    let mut places: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some((id, result)) = pending.next().await {
        // `ids` is a list of post ids, ascending: a binary search finds each one's place.
        let place = ids.binary_search(&id).unwrap_or_else(|place| place);
        places[place] = Some(result);
    }
    places
        .into_iter()
        .map(|place| place.expect("every post has its result"))
        .collect()
}

/// One post: GET, status, raw bytes on the runtime, then the digest on the blocking pool.
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
