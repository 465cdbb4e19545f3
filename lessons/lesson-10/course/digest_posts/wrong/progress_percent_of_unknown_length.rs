//! Wrong: breaks "no panic: `digest` itself never panics" (and "a slow answer is waited for") for a successful answer whose body comes without a `Content-Length` (sent chunked, or HTTP/1.0 until the connection closes) and is still arriving a second after its head: say a 200 sent chunked, its first half at once and the rest 2 s later. The progress line printed once a second for slow bodies divides by the total size, taken as 0 when the head does not give one, and panics ("attempt to divide by zero"). Bodies that are in within a second, and slow bodies with a `Content-Length`, come back right.
//!
//! Progress reporting for slow downloads (`45% (9000 of 20000 bytes)`), the habit of every
//! download tool. The body is read chunk by chunk on the runtime with a `select!` against a
//! one-second timer, which is no time limit; the learner's slow test bodies all had a
//! `Content-Length`, as wiremock's `set_delay` answers do.
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

use std::time::Duration;

use futures::future::join_all;
use reqwest::{Client, Response};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let mut answer = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let body = read_with_progress(id, &mut answer).await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}

/// Reads the whole body, with a progress line on stderr every second while it is still coming.
async fn read_with_progress(id: u64, answer: &mut Response) -> Result<Vec<u8>, reqwest::Error> {
    let total = answer.content_length().unwrap_or(0);
    let mut body = Vec::new();
    let start = tokio::time::Instant::now();
    let mut report =
        tokio::time::interval_at(start + Duration::from_secs(1), Duration::from_secs(1));
    loop {
        tokio::select! {
            chunk = answer.chunk() => match chunk? {
                Some(chunk) => body.extend_from_slice(&chunk),
                None => return Ok(body),
            },
            _ = report.tick() => {
                let received = body.len() as u64;
                eprintln!(
                    "post {id}: {}% ({received} of {total} bytes) after {:.1?}",
                    received * 100 / total,
                    start.elapsed(),
                );
            }
        }
    }
}
