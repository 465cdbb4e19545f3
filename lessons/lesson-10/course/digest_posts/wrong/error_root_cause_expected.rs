//! Wrong: breaks "no panic: `digest` itself never panics" for any error status (a 404, a 500, any 4xx or 5xx): reqwest's status error has no `source()`, so the "root cause" the answer logs for every failure is not there, and its `expect` panics
//!
//! reqwest's own message for a failed connection is only "error sending request for url (…)",
//! the useful part ("Connection refused", "connection reset by peer") is further down the chain
//! of `source()`s. So the answer logs each failure with the last link of that chain, and
//! `expect`s one to be there. A learner tests the failure path the obvious way, with the server
//! stopped, and there every error has a cause; a status error, made by `error_for_status`, has
//! none.
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

use std::error::Error as _;

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let fetched = fetch_and_digest(client, base_url, id, digest).await;
        if let Err(err) = &fetched {
            // "error sending request for url (…)" says little: the reason is at the bottom of
            // the chain ("Connection refused", "connection reset by peer"), so log that.
            let cause = std::iter::successors(err.source(), |cause| (*cause).source())
                .last()
                .expect("a failed request has a cause under it");
            eprintln!("post {id}: {err}: {cause}");
        }
        fetched
    });
    join_all(each).await
}

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
