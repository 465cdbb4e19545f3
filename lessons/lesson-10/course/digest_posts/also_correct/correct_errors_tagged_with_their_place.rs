//! Correct: the fix for `errors_fill_gaps_in_arrival_order`: still one spawned task per entry in a `JoinSet` (a clone of `client`, which shares its pool), but the task's error type carries the place too, `Result<(usize, u64), (usize, reqwest::Error)>`, every step tagged with `map_err`, so a failure lands in its own place whatever order the tasks finish in; no result is ever matched to a place by elimination
//!
//! Each task: GET, status, raw bytes on the runtime, then the digest awaited on the blocking
//! pool; the call fills a `Vec<Option<..>>` from `join_next` as the tasks end, and unwraps it in
//! the order of `ids` at the end. Dropping the call drops the `JoinSet`, which aborts its tasks.
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

use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut tasks = JoinSet::new();
    for (place, &id) in ids.iter().enumerate() {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tasks.spawn(async move {
            let tag = move |err: reqwest::Error| (place, err);
            let body = client
                .get(url)
                .send()
                .await
                .map_err(tag)?
                .error_for_status()
                .map_err(tag)?
                .bytes()
                .await
                .map_err(tag)?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            let value = digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
            Ok::<(usize, u64), (usize, reqwest::Error)>((place, value))
        });
    }

    let mut places: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())) {
            Ok((place, value)) => places[place] = Some(Ok(value)),
            Err((place, err)) => places[place] = Some(Err(err)),
        }
    }
    places
        .into_iter()
        .map(|place| place.expect("every task reports its own place"))
        .collect()
}
