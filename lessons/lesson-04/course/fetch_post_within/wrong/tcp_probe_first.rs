//! Wrong: breaks "give up once `limit` has passed": before the request it opens a plain `TcpStream` to the host ("connecting is not the server being slow, so the clock starts after it") with no bound at all, so an address that never answers a connection attempt holds the call for the OS's own connect timeout (about two minutes on Linux) before the limited request is even sent (a `Timeout` in the end, but long after `limit` and the client's 5 s `connect_timeout`).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");

    // Reach the server first, so that `limit` measures how long the server takes to answer,
    // not how long it takes to find it. If it cannot be reached, the request below fails the
    // same way and reqwest says why.
    if let Ok(parsed) = reqwest::Url::parse(&url) {
        if let (Some(host), Some(port)) = (parsed.host_str(), parsed.port_or_known_default()) {
            let host = host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_owned();
            let _ = tokio::net::TcpStream::connect((host.as_str(), port)).await;
        }
    }

    let post = client
        .get(&url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
