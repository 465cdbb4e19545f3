//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it ...)") for a post answered 406 Not Acceptable (the GET is sent again without its `Accept` header, and the second answer's result is returned: a digest if that one is a 200)
//!
//! Each GET says `Accept: application/json`, the polite thing for a JSON API; a server that cannot
//! honour it answers 406, and a learner who has met content negotiation falls back, as `curl`
//! users do by hand, to the same GET with no `Accept` at all, "any representation will do". Every
//! other status, error or not, is handled after one request exactly as the contract says; only a
//! 406 is asked twice, and its `Err` never comes back when the second answer succeeds.
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

use futures::future::join_all;
use reqwest::header::ACCEPT;
use reqwest::{Client, StatusCode};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let mut answer = client
            .get(&url)
            .header(ACCEPT, "application/json")
            .send()
            .await?;
        if answer.status() == StatusCode::NOT_ACCEPTABLE {
            // The server cannot give JSON: take whatever it has.
            answer = client.get(&url).send().await?;
        }
        let body = answer.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
