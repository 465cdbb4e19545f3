//! Correct, written another way: one `tokio::spawn`ed task per id (each with a clone of the client and its own URL), all spawned before any is awaited, then the handles awaited in the order of `ids`.
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
//!   not sorted, not deduplicated; each entry's result is the answer to its own request, even
//!   a post whose `id` is not the one asked for, every field as the server sent it (spaces
//!   and newlines around a title included); every call asks the server anew (nothing is
//!   remembered between calls);
//! - `Ok(post)` when the answer has a success status and a post as its body; otherwise an `Err`
//!   in that entry's place: an error status of any class (400, 403, 404, 410, 429, 500, 502,
//!   503…; the error then carries that status), a body that is not a post, a connection that
//!   failed, a `base_url` that is no URL (`127.0.0.1:3000`: no scheme, and none added by you). No retries, no timeout of your own (the client's settings say how long to wait),
//!   no panic, and one failure never costs the other posts.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // Spawning starts every request at once; `collect` makes sure all are spawned up front.
    let handles: Vec<_> = ids
        .iter()
        .map(|id| {
            let request = client.clone().get(format!("{base_url}/posts/{id}"));
            tokio::spawn(async move {
                request
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Post>()
                    .await
            })
        })
        .collect();

    let mut posts = Vec::with_capacity(handles.len());
    for handle in handles {
        // A handle awaited late has kept running meanwhile: its result waits for us.
        posts.push(handle.await.expect("a fetching task never panics"));
    }
    posts
}
