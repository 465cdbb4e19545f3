//! Wrong: breaks "`Ok(post)`, the post as the server sent it, when a successful answer (any 2xx …) arrives whole" and "`Err(ApiError::Decode(..))` when a successful answer's body is not a post: not JSON": like aiohttp's `resp.json()`, which raises `ContentTypeError` (a `ClientResponseError`, carrying the status) unless the answer says `application/json`, it checks the `Content-Type` of a 2xx first and reports any other (or none) as `ApiError::Status { status: 200, .. }`, so a valid post sent as `text/plain` or without a `Content-Type` is an error and an HTML 200 is `Status`, not `Decode`; every `application/json` answer, every error status, timing and request count are right.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::CONTENT_TYPE;

use crate::ApiError;

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
        .await?
        .error_for_status()?;

    // aiohttp's `resp.json()` refuses an answer that does not say it is JSON
    // (`ContentTypeError`, a response error with the status): do the same, so that a proxy's
    // HTML page is not fed to the JSON parser. Parameters (`; charset=utf-8`) are ignored.
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(ApiError::Status {
            status: response.status(),
            url: response.url().to_string(),
        });
    }

    Ok(response.json::<Post>().await?)
}
