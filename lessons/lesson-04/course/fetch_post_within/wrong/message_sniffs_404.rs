//! Wrong: decides `NotFound` by reading the error's message (`err.to_string().contains("404")`) instead of `err.status()`, so any failure whose message holds "404" (a 500, a timeout or a refused connection on port 40412, or on `/posts/404`) becomes `NotFound`; the contract says `NotFound` for a 404 and only for a 404.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Sorts a reqwest error, the 404 first: it is the one failure a caller treats apart.
fn classify(err: reqwest::Error, url: &str) -> ApiError {
    // reqwest names the status in its message: "HTTP status client error (404 Not Found) for
    // url (…)". Everything else goes through the lesson's `From`.
    if err.to_string().contains("404") {
        ApiError::NotFound {
            url: url.to_string(),
        }
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
    let url = format!("{base_url}/posts/{id}");
    let response = client
        .get(&url)
        .timeout(limit)
        .send()
        .await
        .map_err(|err| classify(err, &url))?
        .error_for_status()
        .map_err(|err| classify(err, &url))?;
    response
        .json::<Post>()
        .await
        .map_err(|err| classify(err, &url))
}
