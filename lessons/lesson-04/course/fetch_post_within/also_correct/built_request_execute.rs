//! Right: builds the `Request` first (`build()?`, so a URL no request can go to is `Other`), sets its timeout with `Request::timeout_mut`, sends it with `client.execute`, and checks the status by hand (404 `NotFound`, other 4xx/5xx `Status`, with the response's URL) before decoding.

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
    // `build()` fails for a base URL that does not parse; `execute` for one reqwest cannot send
    // to (`mailto:`). Both are builder errors, which the `From` in lib.rs makes `Other`.
    let mut request = client.get(format!("{base_url}/posts/{id}")).build()?;
    // The same field `RequestBuilder::timeout` sets: it replaces the client's timeout for this
    // request only, from connecting to the last byte of the body.
    *request.timeout_mut() = Some(limit);
    let response = client.execute(request).await?;

    // The status is known with the head: report an error status now, without reading its body.
    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(ApiError::NotFound {
            url: response.url().to_string(),
        });
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(ApiError::Status {
            status,
            url: response.url().to_string(),
        });
    }
    Ok(response.json::<Post>().await?)
}
