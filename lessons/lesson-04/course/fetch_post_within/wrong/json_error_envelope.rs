//! Wrong: "Decode when a successful answer's body is not a post" (and "NotFound only for a 404") — a 2xx whose JSON is a Spring-style error document, `{"status": 404, "error": "Not Found", ...}`, is reported as `NotFound` (or as `Status` with the status written in the body) instead of `Decode`; every other body, post or not, is classified as the reference does.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};
use serde::Deserialize;

use crate::ApiError;

/// What a successful answer can carry: the post, or the error document some servers
/// (Spring Boot's default error page, proxies in front of it) send with a 200.
#[derive(Deserialize)]
#[serde(untagged)]
enum Answer {
    Post(Post),
    Problem(Problem),
}

/// `{"timestamp": "...", "status": 404, "error": "Not Found", "path": "/posts/1"}`
#[derive(Deserialize)]
struct Problem {
    status: ErrorStatus,
    #[allow(dead_code)]
    error: String,
}

/// A status written in a body, accepted only if it is an error status (4xx or 5xx).
#[derive(Deserialize)]
#[serde(try_from = "u16")]
struct ErrorStatus(StatusCode);

impl TryFrom<u16> for ErrorStatus {
    type Error = String;

    fn try_from(code: u16) -> Result<Self, Self::Error> {
        StatusCode::from_u16(code)
            .ok()
            .filter(|status| status.is_client_error() || status.is_server_error())
            .map(ErrorStatus)
            .ok_or_else(|| format!("{code} is not an error status"))
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
        .await?
        .error_for_status()?;
    let url = response.url().to_string();

    // The status line can lie: trust the status the body reports, if it reports one.
    match response.json::<Answer>().await? {
        Answer::Post(post) => Ok(post),
        Answer::Problem(Problem {
            status: ErrorStatus(StatusCode::NOT_FOUND),
            ..
        }) => Err(ApiError::NotFound { url }),
        Answer::Problem(Problem {
            status: ErrorStatus(status),
            ..
        }) => Err(ApiError::Status { status, url }),
    }
}
