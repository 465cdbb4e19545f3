//! Wrong: breaks "the error then carries that status"
//! On an error status the learner reads the rest of the body before returning the status
//! error, having learnt that a response dropped with its body unread cannot hand its connection
//! back to the pool. Sound, except for the `?` on the drain: when reading that body fails, its
//! error replaces the status error. Every error answer the mock gives (`{}`, sent at once) is
//! drained in a moment, so each 4xx and 5xx comes back as the status error, with its status,
//! exactly as in the reference. But a 502 or 503 whose body is cut off (a proxy that gives up
//! mid-answer) comes back as a body error with no status, and one whose body stalls holds its
//! entry until the client's timeout, then comes back as a timeout, where the reference
//! returns the status as soon as the headers are in.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    let status_error = response.error_for_status_ref().err();
    if let Some(status_error) = status_error {
        // Read what is left of the answer, so the connection goes back to the pool.
        response.bytes().await?;
        return Err(status_error);
    }
    response.json::<Post>().await
}

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    join_all(ids.iter().map(|&id| fetch_post(client, base_url, id))).await
}
