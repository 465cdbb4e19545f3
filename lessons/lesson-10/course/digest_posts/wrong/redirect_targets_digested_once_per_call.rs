//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once" (and "the result ...: `Ok(digest(body))`") for two posts of one call that a client following redirects takes to the same URL (`[7, 8]`, each answered `301` with `Location: /api/posts/42`, whose target answers 200: two bodies are read, one is digested, and both places get that digest, even when the target answered each GET with a different body)
//! The learner reasoned that posts moved to one canonical URL are the same post, so digesting it
//! twice wastes CPU: answers whose final URL differs from the one asked share one digest per
//! target within the call (a `Shared` future in a map keyed by `Response::url()`). A post that is
//! not redirected is never shared (so an id listed twice is still digested twice), and a single
//! moved post is digested in its own place; only two answers redirected to one target collide.
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
use std::sync::{Mutex, PoisonError};

use futures::future::{BoxFuture, FutureExt, Shared, join_all};
use reqwest::Client;

type Digesting = Shared<BoxFuture<'static, u64>>;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Moved posts, by the URL they were moved to: one digest per target in this call.
    let by_target: Mutex<HashMap<String, Digesting>> = Mutex::new(HashMap::new());
    let by_target = &by_target;
    let each = ids.iter().map(|id| async move {
        let asked = format!("{base_url}/posts/{id}");
        let response = client.get(&asked).send().await?.error_for_status()?;
        let target = response.url().clone();
        // reqwest moves a base's `user:password@` into a header: compare without them.
        let redirected = reqwest::Url::parse(&asked).is_ok_and(|mut asked| {
            let _ = asked.set_username("");
            let _ = asked.set_password(None);
            asked != target
        });
        let body = response.bytes().await?;
        let job: Digesting = async move {
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
        }
        .boxed()
        .shared();
        let job = if redirected {
            let mut map = by_target.lock().unwrap_or_else(PoisonError::into_inner);
            map.entry(target.to_string()).or_insert(job).clone()
        } else {
            job
        };
        Ok(job.await)
    });
    join_all(each).await
}
