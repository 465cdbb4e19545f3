//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; a failed connection)" for a call with two failures or more that finish in another order than their places: each task returns `Result<(usize, u64), reqwest::Error>`, so `?` sends an error back without its place, and the errors fill the places left without a value in the order they finished. `[1, 2]` where post 1 is answered 500 after 300 ms and post 2 is answered 404 at once: place 0 gets the 404, place 1 the 500 (or a broken body's error where a status error belongs). One failure, or failures that finish in their own order, come back right.
//!
//! The spawned-task shape of the lesson (`JoinSet`, a clone of `client` per task), with the
//! place carried in the `Ok` value. `?` makes the error path free, and "the failed posts are
//! the places with no value" looks like a complete answer; a manual test with one missing post
//! shows its 404 exactly where it should be.
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

use std::collections::VecDeque;

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
            let body = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            let value = digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
            Ok::<(usize, u64), reqwest::Error>((place, value))
        });
    }

    let mut values: Vec<Option<u64>> = vec![None; ids.len()];
    let mut errors = VecDeque::new();
    while let Some(joined) = tasks.join_next().await {
        match joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())) {
            Ok((place, value)) => values[place] = Some(value),
            Err(err) => errors.push_back(err),
        }
    }
    // A post that failed is a place with no value: the errors fill those places, one each.
    values
        .into_iter()
        .map(|value| match value {
            Some(value) => Ok(value),
            None => Err(errors.pop_front().expect("one error per failed post")),
        })
        .collect()
}
