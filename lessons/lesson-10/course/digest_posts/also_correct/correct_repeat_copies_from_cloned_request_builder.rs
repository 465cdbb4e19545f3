//! Correct: one `RequestBuilder` is made per distinct id (a `HashMap<u64, RequestBuilder>`, its URL formatted once), and every entry of `ids` sends its own copy of it, made with `RequestBuilder::try_clone`; an id listed three times is still three GETs, three bodies and three digests
//!
//! A GET has no body, so `try_clone` always gives a copy; a builder that holds an error (a base
//! that does not parse) gives none, and that entry builds its request afresh from the same URL,
//! so its `send` reports the same `reqwest::Error` the reference would. Each copy's pipeline is
//! the reference's: status checked, raw bytes read on the runtime, digest on the blocking pool,
//! all the pipelines driven together by `join_all` in the order of `ids`.
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
use reqwest::{Client, RequestBuilder};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // One builder per distinct id; every entry sends a copy of its id's builder.
    let mut builders: HashMap<u64, RequestBuilder> = HashMap::new();
    for &id in ids {
        builders
            .entry(id)
            .or_insert_with(|| client.get(format!("{base_url}/posts/{id}")));
    }
    let requests: Vec<RequestBuilder> = ids
        .iter()
        .map(|id| {
            builders
                .get(id)
                .and_then(RequestBuilder::try_clone)
                .unwrap_or_else(|| client.get(format!("{base_url}/posts/{id}")))
        })
        .collect();

    let each = requests.into_iter().map(|request| async move {
        let body = request.send().await?.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
