//! Wrong: breaks "No retries": a 429 or a 503 (the server saying "busy, try again later") and a connection that failed are retried once after 100 ms, so such an id sends two GETs and can come back `Ok` where the contract wants the `Err` carrying that status.

use std::time::Duration;

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

/// One post: the GET, the status check, the decoding; a busy server gets a second chance.
async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let mut retried = false;
    loop {
        let sent = client.get(&url).send().await;
        let transient = match &sent {
            Ok(response) => matches!(
                response.status(),
                StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
            ),
            Err(err) => err.is_connect() || err.is_request(),
        };
        if transient && !retried {
            retried = true;
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        }
        return sent?.error_for_status()?.json::<Post>().await;
    }
}

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    join_all(ids.iter().map(|&id| fetch_one(client, base_url, id))).await
}
