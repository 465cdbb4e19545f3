//! Wrong: breaks "`Err(ApiError::Other(..))` for any other failure, such as … a `base_url` that no request can go to (`not a url`, `mailto:me@example.com`)": reading lib.rs's `Connect` ("No connection: nothing listens at that address, or the name does not resolve") as "there is nowhere to connect to", it sorts reqwest's builder errors (`is_builder()`: a base URL that does not parse, or has no host or no HTTP scheme) with the connection failures, as `ApiError::Connect`, and leaves everything else to the lesson's `From` impl; nothing is sent and nothing panics, and every answer, status, timeout, refused port, hang-up and body is exactly right, but an unusable base URL is reported as `Connect` (which `is_transient()` even calls worth a retry) instead of `Other`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// The lesson's classification, with one more case: a URL with no address in it is a
/// connection that cannot be made.
fn classify(err: reqwest::Error) -> ApiError {
    if err.is_builder() {
        // `not a url`, `mailto:…`: no host to resolve, no port to knock on. To the caller
        // that is the same situation as a host that does not resolve: check the address.
        ApiError::Connect(err)
    } else {
        ApiError::from(err)
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await
        .map_err(classify)?;
    let response = response.error_for_status().map_err(classify)?;
    response.json::<Post>().await.map_err(classify)
}
