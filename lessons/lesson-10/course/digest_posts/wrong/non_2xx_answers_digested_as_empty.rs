//! Wrong: breaks "any other status (a 3xx the client does not follow, say a 300) is an answer like a 200" (and "a successful answer's body, exactly as it arrived ..., goes to `digest`"): a 300, a 3xx the client did not follow, or a 999 is not read, and `digest` gets an empty slice instead of its body
//!
//! The status is checked as the reference does (`error_for_status`, so every 4xx and 5xx is an
//! `Err` and never digested), and then only a 2xx has its body downloaded: a learner reasons that
//! a 300's list of choices or a redirect's "Moved" page is some server's boilerplate, not the
//! post, and not worth a download. Such an answer still gets its `Ok`, the digest of no post, the
//! empty slice, on the blocking pool. Every test with 200s and error statuses passes.
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
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // Only a 2xx carries the post. Any other answer that is no error (a 300's list of
        // choices, a redirect the client did not follow, an odd 9xx) has a server's boilerplate
        // for a body: not worth downloading, and its digest is that of no post, the empty slice.
        let body = if response.status().is_success() {
            Some(response.bytes().await?)
        } else {
            None
        };
        let digested =
            tokio::task::spawn_blocking(move || digest(body.as_deref().unwrap_or_default())).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
