//! Wrong: breaks "no panic"
//!
//! Each request checks `status().is_success()` itself and, for anything else, returns
//! `response.error_for_status().unwrap_err()`, "the error that carries the status". The learner
//! reasons that a status that is not a success must be an error status, so `error_for_status`
//! cannot give `Ok` there. For every 2xx, 4xx and 5xx that is true, so every check on statuses,
//! bodies, dropped connections, order and concurrency sees the reference's results. But
//! `error_for_status` only fails on 4xx and 5xx: a 3xx the client does not follow (a
//! `304 Not Modified`, a `300 Multiple Choices`, a `302` without a `Location`) is neither, the
//! `unwrap_err` panics, and the panic takes every other entry of the call down with it.

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
        if !response.status().is_success() {
            // Not a success, so an error status: `error_for_status` makes the error, with it.
            return Err(response
                .error_for_status()
                .expect_err("a status that is not a success is an error status"));
        }
        response.json::<Post>().await
    });
    join_all(requests).await
}
