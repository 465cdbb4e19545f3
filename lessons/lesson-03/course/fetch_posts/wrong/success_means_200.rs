//! Wrong: `Ok(post)` for any success status: only `200 OK` is decoded here, and every other status goes to `error_for_status().expect_err(..)`, which panics on a 201, 203 or 206 whose body is a post (there `error_for_status` is `Ok`), taking the whole batch down with it.
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

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let requests = ids.iter().map(|id| async move {
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        // `if resp.status == 200: return await resp.json()`, and anything else is the error
        // that `error_for_status` describes.
        if response.status() == StatusCode::OK {
            response.json::<Post>().await
        } else {
            Err(response
                .error_for_status()
                .expect_err("a status other than 200 is an error status"))
        }
    });
    join_all(requests).await
}
