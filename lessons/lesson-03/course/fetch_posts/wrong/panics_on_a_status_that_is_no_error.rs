//! Wrong: breaks "no panic" (and "otherwise an `Err` in that entry's place"): a status that is not a 2xx is turned into the entry's error with `error_for_status().expect_err(..)`, which panics for a 1xx or a 3xx that reqwest does not follow (a 304, a 300, a 302 without `Location`), since `error_for_status` only fails 4xx and 5xx; every 2xx, 4xx and 5xx answer, bodies, connection failures, concurrency and order are right.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let requests = ids.iter().map(|id| async move {
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        // Like `response.ok` in requests or `fetch`: only a 2xx is a success. For anything
        // else, `error_for_status` makes the error that carries the status.
        if !response.status().is_success() {
            return Err(response
                .error_for_status()
                .expect_err("a status that is not a success is an error status"));
        }
        response.json::<Post>().await
    });
    join_all(requests).await
}
