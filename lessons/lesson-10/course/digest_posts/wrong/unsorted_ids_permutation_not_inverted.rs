//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)`" for `ids` whose sorting is not a plain swap of pairs (`[3, 1, 2]`: the results come back as those of posts 2, 3, 1; `[1, 2, 3]`, `[3, 2, 1]`, `[2, 1]` or `[u64::MAX, 1]` come back right)
//!
//! The requests go out in the order of the ids ("be kind to the server: it reads its store in
//! order"), through a list of places sorted by id, and the results are put back through that same
//! list: `out[i] = sorted[order[i]]`, the permutation applied a second time instead of undone
//! (`out[order[k]] = sorted[k]`). For ids already in order the list is the identity, and for ids
//! in reverse order, or any list that sorts by swapping pairs, the permutation is its own
//! inverse, so a quick test with `[1, 2, 3]` or `[5, 4, 3, 2, 1]` passes; a cycle of three or more
//! (`[3, 1, 2]`, or a slow id listed first ahead of smaller ones) puts results in others' places.
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
    // Ask in id order: `order[k]` is the place in `ids` of the k-th smallest id.
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&place| ids[place]);

    let each = order.iter().map(|&place| {
        let id = ids[place];
        async move {
            let body = client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    let sorted: Vec<Result<u64, reqwest::Error>> = join_all(each).await;

    // Back to the order of `ids`, through the same list of places.
    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> =
        sorted.into_iter().map(Some).collect();
    order.iter().filter_map(|&k| slots[k].take()).collect()
}
