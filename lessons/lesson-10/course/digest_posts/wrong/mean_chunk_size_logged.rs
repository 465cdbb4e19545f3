//! Wrong: breaks "no panic: `digest` itself never panics" (and "a successful answer's body ... goes to `digest` once") for a successful answer with an empty body: a 204, a 200 or a 300 with `Content-Length: 0`, a 304, or a chunked body with only its last chunk. The body is read chunk by chunk, and the line logged for each post gives the mean chunk size, `len / chunks`; an empty body has no chunk at all, and the division panics ("attempt to divide by zero") before the body reaches `digest`.
//!
//! A learner tuning the read loop (how big do the chunks come, is it worth presizing the
//! buffer?) keeps a count of chunks and logs the average. Every post the mock serves, and every
//! body the learner tried, has at least one byte.
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
        let body = read_body(id, &mut answer).await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}

/// The whole body, gathered chunk by chunk on the runtime, with a line about its chunks.
async fn read_body(id: u64, answer: &mut Response) -> Result<Vec<u8>, reqwest::Error> {
    let mut body = Vec::new();
    let mut chunks = 0usize;
    while let Some(chunk) = answer.chunk().await? {
        chunks += 1;
        body.extend_from_slice(&chunk);
    }
    eprintln!(
        "post {id}: {} bytes in {chunks} chunks, {} bytes a chunk",
        body.len(),
        body.len() / chunks,
    );
    Ok(body)
}
