//! Wrong: breaks "all of them in flight together, however many ids there are (no cap, no batches, not one after another)": only the sends run together (`join_all` over `send()`, aiohttp's `gather` of `session.get`), then a `for` loop reads and decodes the bodies one after another; one GET per entry under the base path, results in the order of `ids`, every status and failure kept in its own entry, no retry, no timeout of its own.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // Like `asyncio.gather(*[session.get(url) for url in urls])`: every request goes out at
    // once, and we get the responses back in the order of `ids`.
    let sends = ids
        .iter()
        .map(|id| client.get(format!("{base_url}/posts/{id}")).send());
    let responses = join_all(sends).await;

    // The answers are all in; now turn each one into a post (or its error).
    let mut posts = Vec::with_capacity(responses.len());
    for response in responses {
        let post = match response.and_then(|response| response.error_for_status()) {
            Ok(response) => response.json::<Post>().await,
            Err(err) => Err(err),
        };
        posts.push(post);
    }
    posts
}
