//! Wrong: "`Err(ApiError::Other(..))` for ... a `base_url` that no request can go to (`not a url`, `mailto:me@example.com`)": the URL is built with `Url::parse` and `path_segments_mut`, and a base URL that does not parse or cannot take a path is answered `Status { 400 Bad Request }` (a status no server sent) instead of letting reqwest report it as `Other`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode, Url};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // Build the URL properly rather than with `format!`: `path_segments_mut` keeps the base's
    // path (`/api/v1`) and copes with a trailing slash. A base URL we cannot build on is the
    // caller's bad request; there is no reqwest error yet to put in `Other`, so say 400.
    let Ok(mut url) = Url::parse(base_url) else {
        return Err(ApiError::Status {
            status: StatusCode::BAD_REQUEST,
            url: base_url.to_string(),
        });
    };
    match url.path_segments_mut() {
        Ok(mut segments) => {
            segments.pop_if_empty().push("posts").push(&id.to_string());
        }
        Err(()) => {
            return Err(ApiError::Status {
                status: StatusCode::BAD_REQUEST,
                url: base_url.to_string(),
            });
        }
    }

    let post = client
        .get(url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
