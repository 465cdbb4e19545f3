//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; a failed connection)" for an id listed more than once in one call whose copies get different fates (`[1, 1]` from a server that answers its first GET for post 1 with a 500 and its second with a 200: both places are `Ok` of that 200's digest, where one must be an `Err` carrying the 500)
//! The learner read a failure beside a success for the very same post as a blip ("the post is
//! there, we have its digest"), and once every copy is in, fills each failed copy with the digest
//! of a sibling that succeeded. It asks each entry once and digests each body once, and a post
//! that fails every time, or an id listed once, keeps its `Err`: only a repeat with mixed fates
//! loses its error.
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

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    let results: Vec<Result<u64, reqwest::Error>> = join_all(each).await;

    // A copy that failed while another copy of the same post succeeded was a blip.
    let mut good: HashMap<u64, u64> = HashMap::new();
    for (id, result) in ids.iter().zip(&results) {
        if let Ok(value) = result {
            good.entry(*id).or_insert(*value);
        }
    }
    ids.iter()
        .zip(results)
        .map(|(id, result)| match result {
            Err(err) => good.get(id).copied().ok_or(err),
            ok => ok,
        })
        .collect()
}
