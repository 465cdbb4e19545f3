//! Wrong: no timeout of your own, one result per entry: the batch runs under a deadline of the course client's `REQUEST_TIMEOUT` plus 5 s ("every request has given up by then anyway"), and past it returns an empty `Vec`; with a client given a longer timeout than 30 s (or none), answers slower than 35 s lose every result.
//!
//! Exercise 7: fetch many posts at once.
//!
//! `fetch_posts` gets the post for every entry of `ids`, concurrently, over the client it is given.
//!
//! The contract, which `cargo test -p lesson-03` checks:
//! - one GET `{base_url}/posts/{id}` per entry of `ids`, its URL made by appending to `base_url`,
//!   which may end in a path such as `/api/v1` that must be kept; an id listed twice is fetched
//!   twice; no request at all when `ids` is empty;
//! - all of them in flight together, however many ids there are (no cap, no batches, not one
//!   after another), all sent through `client`;
//! - one result per entry of `ids`, in the order of `ids`: not the order the answers arrive in,
//!   not sorted, not deduplicated;
//! - `Ok(post)` when the answer has a success status and a post as its body; otherwise an `Err`
//!   in that entry's place: an error status of any class (400, 403, 404, 410, 429, 500, 502,
//!   503…; the error then carries that status), a body that is not a post, a connection that
//!   failed. No retries, no timeout of your own (the client's settings say how long to wait),
//!   no panic, and one failure never costs the other posts.

use std::time::Duration;

use futures::future::join_all;
use lesson_support::client::REQUEST_TIMEOUT;
use lesson_support::models::Post;
use reqwest::Client;

/// A bound on the whole batch, as a safety net: every request is bounded by the client's own
/// timeout, and they all run at once, so the batch is over within that timeout. The margin
/// covers connecting and scheduling.
const BATCH_DEADLINE: Duration = REQUEST_TIMEOUT.saturating_add(Duration::from_secs(5));

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    // Never hang, whatever the server does.
    tokio::time::timeout(BATCH_DEADLINE, join_all(requests))
        .await
        .unwrap_or_default()
}
