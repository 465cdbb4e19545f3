//! Wrong: `Connect` is for "nothing listens at that address, or its host name does not resolve"; this classifies by hand and calls it `Connect` only when the cause chain holds an io `ConnectionRefused`, so a host name that does not resolve (or an unreachable network) comes out as `Other`.

use std::error::Error as _;
use std::io;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Whether the operating system refused the connection: the precise meaning of "cannot connect".
fn refused(err: &reqwest::Error) -> bool {
    let mut source = err.source();
    while let Some(cause) = source {
        if let Some(io_err) = cause.downcast_ref::<io::Error>() {
            if io_err.kind() == io::ErrorKind::ConnectionRefused {
                return true;
            }
        }
        source = cause.source();
    }
    false
}

/// Sorts a reqwest error by what it is: status, timeout, refused connection, bad body.
fn classify(err: reqwest::Error) -> ApiError {
    let url = err.url().map(ToString::to_string).unwrap_or_default();
    if let Some(status) = err.status() {
        return if status == StatusCode::NOT_FOUND {
            ApiError::NotFound { url }
        } else {
            ApiError::Status { status, url }
        };
    }
    if err.is_timeout() {
        ApiError::Timeout(err)
    } else if refused(&err) {
        ApiError::Connect(err)
    } else if err.is_decode() {
        ApiError::Decode(err)
    } else {
        ApiError::Other(err)
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
        .map_err(classify)?
        .error_for_status()
        .map_err(classify)?;
    response.json::<Post>().await.map_err(classify)
}
