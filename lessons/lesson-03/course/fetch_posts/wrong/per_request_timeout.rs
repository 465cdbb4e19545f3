//! Wrong: breaks "no timeout of your own (the client's settings say how long to wait)": each request gets `.timeout(10 s)`, the aiohttp `ClientTimeout` habit, so an answer that takes between 10 s and the client's 30 s becomes an error.
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

use std::time::Duration;

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// No single post should take longer than this; better an error than a hung batch.
const PER_REQUEST: Duration = Duration::from_secs(10);

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .timeout(PER_REQUEST)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    join_all(requests).await
}
