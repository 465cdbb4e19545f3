//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)`" (and "no panic: `digest` itself never panics") for an id listed again after another id (`[1, 2, 1]`: the second copy of post 1 lands in place 1, on post 2's result, place 2 stays empty, and the call panics; `[1, 2, 2, 1]` too)
//! Results come back as they finish, tagged with their id; each is put at the first place of its
//! id in `ids`, plus the number of copies of that id already placed. The learner pictured repeats
//! side by side, as in `[1, 1, 1]` or `[4, 4, 5]`, where "the k-th copy goes k places after the
//! first" is right (and which copy lands where cannot matter), so every test with repeats next to
//! each other passes; a repeat that comes back after another id collides.
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

use std::collections::HashMap;

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::Client;

async fn digest_one(
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
    let mut running: FuturesUnordered<_> = ids
        .iter()
        .map(|&id| async move { (id, digest_one(client, base_url, id, digest).await) })
        .collect();
    let mut places: Vec<Option<Result<u64, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    let mut copies_placed: HashMap<u64, usize> = HashMap::new();
    while let Some((id, result)) = running.next().await {
        let first = ids
            .iter()
            .position(|&listed| listed == id)
            .expect("every result is of an id in `ids`");
        let copies = copies_placed.entry(id).or_insert(0);
        // Repeats sit side by side: the k-th copy goes k places after the first.
        places[first + *copies] = Some(result);
        *copies += 1;
    }
    places
        .into_iter()
        .map(|place| place.expect("every place of `ids` gets its result"))
        .collect()
}
