//! Wrong: the `Other` clause: like Python's `ConnectionError` family, any refused, reset or aborted connection (and a broken pipe) is called `Connect`, so a server that accepts the connection and then resets it (RST) without answering is `Connect`, not `Other`; a server that hangs up cleanly (FIN) still gives `Other`.

use std::error::Error as _;
use std::io::ErrorKind;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Whether the root of the error is the operating system saying the connection is gone, the
/// way Python's `ConnectionError` subclasses do: refused, reset, aborted, broken pipe.
fn connection_error(err: &reqwest::Error) -> bool {
    let mut source = err.source();
    while let Some(cause) = source {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return matches!(
                io.kind(),
                ErrorKind::ConnectionRefused
                    | ErrorKind::ConnectionReset
                    | ErrorKind::ConnectionAborted
                    | ErrorKind::BrokenPipe
                    | ErrorKind::NotConnected
            );
        }
        source = cause.source();
    }
    false
}

/// The lesson's classification, with the whole family of connection errors as `Connect`
/// (a timeout stays a `Timeout`, a status stays a status).
fn classify(err: reqwest::Error) -> ApiError {
    if err.status().is_none() && !err.is_timeout() && connection_error(&err) {
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
        .map_err(classify)?
        .error_for_status()
        .map_err(classify)?;
    response.json::<Post>().await.map_err(classify)
}
