//! Wrong: breaks "one call, one request, whatever happens: no retry" (and "`Status` for any other error status … (400, 403, 408, …)"): following RFC 9110 §15.5.9 ("if the client has an outstanding request in transit, it MAY repeat that request") and what browsers do, a 408 Request Timeout is taken as "the server closed an idle connection" and the GET is sent once more at once, within what is left of `limit`, and only the second answer is reported; every other status (429 and 503 with `Retry-After`, 504 included) is one request reported at once, as it should be, but a 408 costs two requests (and a server that keeps answering 408 is reported after the second).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};
use tokio::time::Instant;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();
    let mut response = client.get(url.as_str()).timeout(limit).send().await?;

    // A 408 is not the server's verdict on the request: it closed a connection it thought was
    // idle. HTTP allows the client to repeat the request on a new connection, and browsers do,
    // once. Any other status is the answer.
    if response.status() == StatusCode::REQUEST_TIMEOUT {
        let left = limit.saturating_sub(started.elapsed());
        if !left.is_zero() {
            drop(response);
            response = client.get(url.as_str()).timeout(left).send().await?;
        }
    }

    Ok(response.error_for_status()?.json::<Post>().await?)
}
