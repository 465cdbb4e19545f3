//! Wrong: breaks "no panic: `digest` itself never panics" (and "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it ...)"; "any other status ... is an answer like a 200") for an answer whose status has no registered reason phrase: a 520 (Cloudflare's "Web Server Returned an Unknown Error"), a 599, a 430, a 299 or a 399. Every answer other than a plain 200 is logged by its reason phrase, `status.canonical_reason().unwrap()`, which is `None` for those, and the call panics before the status is checked. A 404, a 500, a 503, a 204 or a 300 come back right.
//!
//! "Log anything that is not a plain 200, so I can see what the server does": every status the
//! learner has met has a name (`404 Not Found`, `503 Service Unavailable`, `300 Multiple
//! Choices`), and the `unwrap` reads as safe. `Display` for `StatusCode` would have printed
//! `520 <unknown status code>`.
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
use reqwest::{Client, StatusCode};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let answer = client.get(format!("{base_url}/posts/{id}")).send().await?;
        let status = answer.status();
        if status != StatusCode::OK {
            eprintln!(
                "post {id}: {} {}",
                status.as_u16(),
                status.canonical_reason().unwrap(),
            );
        }
        let body = answer.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
