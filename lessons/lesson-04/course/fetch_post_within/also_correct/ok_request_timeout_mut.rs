//! Correct, written another way: builds the `Request` first, sets its timeout through `Request::timeout_mut` (the field `RequestBuilder::timeout` sets), sends it with `Client::execute`, and sorts the error statuses with its own `match` on the status before decoding, instead of `error_for_status`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // `build()` only assembles the request: a base URL that is no URL fails here, as a builder
    // error, and `?` makes that `ApiError::Other` (a `mailto:` URL fails the same way in
    // `execute`, before anything is sent).
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    // This request's own timeout, from connecting to the last byte of the body; it takes the
    // place of the client's.
    *request.timeout_mut() = Some(limit);

    let response = client.execute(request).await?;
    let status = response.status();
    // The head is enough to know an error status: the body is never read for one.
    match status {
        StatusCode::NOT_FOUND => Err(ApiError::NotFound {
            url: response.url().to_string(),
        }),
        _ if status.is_client_error() || status.is_server_error() => Err(ApiError::Status {
            status,
            url: response.url().to_string(),
        }),
        // Reading the body is still under the request's timeout; a body that is not a post is
        // a decode error, and `?` makes it `ApiError::Decode`.
        _ => Ok(response.json::<Post>().await?),
    }
}
