//! Wrong: breaks "no panic" and "any other status (a 3xx the client does not follow, say a 300) is an answer like a 200" for an answer whose `Location` holds a character past ASCII
//! The learner logs where a 201, a 202 or a 3xx points, reading `Location` with
//! `to_str().unwrap()`, sure that a URL in a header is always ASCII.

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::LOCATION;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        if let Some(location) = response.headers().get(LOCATION) {
            let location = location.to_str().unwrap();
            eprintln!("post {id}: {} points to {location}", response.status());
        }
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
