//! Wrong: breaks "otherwise an `Err` in that entry's place: [...] a `base_url` that is no URL (`127.0.0.1:3000`)": like curl and httpie, the learner treats a base URL without a scheme as plain `http://`, so `127.0.0.1:3000` (or a mock's `host:port` without its scheme) is quietly fetched instead of failing every entry.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
/// A base URL given as a bare `host:port` is taken to mean plain HTTP.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let base_url = if base_url.contains("://") {
        base_url.to_owned()
    } else {
        format!("http://{base_url}")
    };
    let base_url = base_url.as_str();

    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    join_all(requests).await
}
