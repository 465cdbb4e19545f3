//! Wrong: breaks "an error status of any class ... the error then carries that status": it never checks the status and lets decoding reject the error page (as with aiohttp's `resp.json()`, a 404 from JSONPlaceholder is `{}`, which is not a post), so a 404 or a 503 is a decode `Err` whose `status()` is `None`, and an error answer whose body is a post comes back `Ok`.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// One post: the GET and the decoding; a body that is not a post is the error.
async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    response.json::<Post>().await
}

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let requests = ids.iter().map(|&id| fetch_one(client, base_url, id));
    join_all(requests).await
}
