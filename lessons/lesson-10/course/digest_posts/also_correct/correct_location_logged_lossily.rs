//! Correct: the fix for `location_logged_panics_on_raw_utf8`: every 3xx answer (one the client did not follow: a 300, a 304, or any redirect through a client built with `redirect::Policy::none()`) gets one line on stderr naming its status and its `Location`, read from the header's raw bytes with `String::from_utf8_lossy` (and "(no Location)" when it has none), so no header value can make it panic; then its body goes to `digest` like a 200's
//!
//! The rest is the reference's pipeline: GET, `error_for_status`, raw bytes on the runtime,
//! the digest awaited on the blocking pool, all the pipelines joined with `join_all` in the order
//! of `ids`. The log line is a side effect only: nothing about the answer is changed or asked
//! again because of it.
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
use reqwest::header::LOCATION;
use reqwest::{Client, Response};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let answer = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        if answer.status().is_redirection() {
            log_unfollowed(id, &answer);
        }
        let body = answer.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}

/// One line about a 3xx the client handed back: its status and where it points, if anywhere.
fn log_unfollowed(id: u64, answer: &Response) {
    let target = answer
        .headers()
        .get(LOCATION)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    eprintln!(
        "post {id}: {} not followed, Location: {}",
        answer.status(),
        target.as_deref().unwrap_or("(no Location)"),
    );
}
