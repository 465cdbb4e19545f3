//! Correct: each call starts one `std::thread` of its own, a dispatcher that takes jobs (a body and a `tokio::sync::oneshot` reply) from a `std::sync::mpsc` queue and starts a scoped thread (`std::thread::scope`) for each, at once, so the digests of one call run side by side on threads of their own; the pipelines hand over their bodies as soon as each is in and await their own reply; the dispatcher ends by itself once the call (or its drop) lets go of the queue and the last digest has answered
//!
//! The Python shape "one worker per request, started by a coordinator thread", written with
//! Rust's scoped threads so the dispatcher waits for its workers with no `join` of its own.
//! Nothing on the runtime ever blocks (the dispatcher's `recv` and the scope's wait are on its
//! own thread), nothing goes through `spawn_blocking`, and no state outlives the call.
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

use std::sync::mpsc;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// A body to digest, and where its digest goes.
type Job = (Vec<u8>, oneshot::Sender<u64>);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (jobs, queue) = mpsc::channel::<Job>();
    std::thread::Builder::new()
        .name("digest-dispatch".into())
        .spawn(move || {
            std::thread::scope(|scope| {
                for (body, reply) in queue {
                    scope.spawn(move || {
                        let _ = reply.send(digest(&body));
                    });
                }
            });
        })
        .expect("the OS gives the call its dispatcher thread");

    let jobs = &jobs;
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let (reply, answer) = oneshot::channel();
        jobs.send((body.to_vec(), reply))
            .expect("the dispatcher takes jobs for as long as the call holds the queue");
        Ok(answer.await.expect("the dispatcher answers every job"))
    });
    join_all(each).await
}
