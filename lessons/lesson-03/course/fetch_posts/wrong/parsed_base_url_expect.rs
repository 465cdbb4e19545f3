//! Wrong: breaks "a `base_url` that is no URL (`127.0.0.1:3000`, its scheme left out) is an `Err`" and "never a panic": it checks the base URL up front with `Url::parse(base_url).expect(..)`, the tidy habit of validating input first, so a base URL without its scheme panics where `send()` would return the error; everything else is the reference's.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
///
/// The contract is in the stub (`course/fetch_posts/stub.rs`): every entry of `ids` fetched, a
/// repeated id twice, all in flight together through `client`; an error status, a body that is
/// not a post or a failed connection is that entry's `Err`, without retries.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // Check the input first: a base URL we cannot parse is the caller's bug.
    let _ = reqwest::Url::parse(base_url).expect("the caller passes a valid base URL");
    // One future per id. Nothing is sent yet: futures are lazy.
    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            // A 404 or 500 becomes this id's `Err` instead of a body we try to parse.
            .error_for_status()?
            .json::<Post>()
            .await
    });
    // All in flight together; the results come back in the order of `ids`.
    join_all(requests).await
}
