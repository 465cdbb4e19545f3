//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and "`Err(err)` when the request failed") for a post whose redirects the client gives up on (a client built with `redirect::Policy::limited(2)`, and `/api/posts/1` answering 302 to `/api/a`, `/api/a` 302 to `/api/b`, and `/api/b` 302 to `/api/c`: the client gives up with a redirect error before `/api/c`, and this answer asks `/api/posts/1` a second time, the whole chain with it)
//!
//! Browsers say "too many redirects, try again", and a redirect loop is often a passing thing (a
//! login cookie being set, a deploy moving paths), so a learner gives a request that ended in
//! `err.is_redirect()` one more try before returning its error. Every other error, an error
//! status, a refused or dropped connection, a timeout, is returned at once after one request, and
//! a post moved by one 301 through a client that follows redirects is digested in its own place,
//! as the contract asks; only a chain the client refused to finish is asked again, which the
//! client's own redirect policy, set by whoever built it, had already decided.
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
        let url = format!("{base_url}/posts/{id}");
        let answer = match client.get(&url).send().await {
            // The client gave up on the redirects: one more try, as a browser's reload would.
            Err(err) if err.is_redirect() => client.get(&url).send().await?,
            other => other?,
        };
        let body = answer.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
