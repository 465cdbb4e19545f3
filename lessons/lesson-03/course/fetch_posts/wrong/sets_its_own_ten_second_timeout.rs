//! Wrong: breaks "no timeout of your own (the client's settings say how long to wait)": out of aiohttp's `ClientTimeout(total=10)` habit, each request gets `.timeout(10 s)`, which overrides the client's own (longer) timeout, so an answer that takes 10 to 30 s becomes a timeout error instead of a post.
//!
//! `fetch_posts` gets the post for every entry of `ids`, concurrently, over the client it is given.

use std::time::Duration;

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// How long one post may take before we give up on it.
const PER_REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .timeout(PER_REQUEST_TIMEOUT)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    join_all(requests).await
}
