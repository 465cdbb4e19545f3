//! Correct, written another way: the futures are built from `ids` in reverse (the last id's request is the first to go out), all joined at once, and the results are reversed back into the order of `ids`.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // The order in which the requests leave does not matter when they all run together;
    // only the order of the results does, and `reverse` puts it back.
    let requests = ids.iter().rev().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    let mut posts = join_all(requests).await;
    posts.reverse();
    posts
}
