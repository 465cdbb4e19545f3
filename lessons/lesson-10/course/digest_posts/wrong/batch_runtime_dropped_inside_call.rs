//! Wrong: breaks "no panic: `digest` itself never panics" for a call of more than 64 ids (say 65 or 131 posts, all answered 200): the call's own runtime is dropped when the call returns, inside the caller's runtime, and tokio panics ("Cannot drop a runtime in a context where blocking is not allowed")
//!
//! Where digests run: a big batch gets a blocking pool of its own, a small multi-thread runtime
//! built for the call, so hundreds of digests don't crowd the application's shared blocking pool;
//! small batches use the caller's. The digests are right, in flight together, off the runtime's
//! threads; but the runtime is a local of the async function and is dropped at its end, from
//! async code. A learner who tries it with a handful of ids never takes that branch.
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
use tokio::runtime::{Builder, Handle, Runtime};

/// Batches larger than this get a blocking pool of their own.
const OWN_POOL_FROM: usize = 64;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // A big batch brings its own blocking threads, so it doesn't starve everyone else's
    // `spawn_blocking`; if that runtime can't be built, the caller's pool will do.
    let own_pool: Option<Runtime> = if ids.len() > OWN_POOL_FROM {
        Builder::new_multi_thread()
            .worker_threads(1)
            .max_blocking_threads(ids.len())
            .thread_name("digest-batch")
            .build()
            .ok()
    } else {
        None
    };
    let pool: Handle = own_pool
        .as_ref()
        .map_or_else(Handle::current, |runtime| runtime.handle().clone());

    let each = ids.iter().map(|id| {
        let pool = pool.clone();
        async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = pool.spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}
