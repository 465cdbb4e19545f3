//! Wrong: an answer whose head is not valid HTTP (hyper's "invalid HTTP … parsed", "message head is too large") is reported as `Decode`; it is no successful answer with a bad body, so it is `Other`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let response = match client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await
    {
        Ok(response) => response,
        Err(err) => return Err(classify_send_error(err)),
    };
    Ok(response.error_for_status()?.json::<Post>().await?)
}

/// Something answered, but not in HTTP: for the caller that is an answer that could not be read,
/// like a body that is not JSON. Everything else as the lesson's `From` sorts it.
fn classify_send_error(err: reqwest::Error) -> ApiError {
    // The first message is reqwest's own ("error sending request for url (…)"); the causes
    // below it say what went wrong (see `causes` in lib.rs).
    let garbled = !err.is_timeout()
        && !err.is_connect()
        && crate::causes(&err)
            .iter()
            .skip(1)
            .any(|cause| cause.contains(" parsed") || cause.contains("message head is too large"));
    if garbled {
        ApiError::Decode(err)
    } else {
        ApiError::from(err)
    }
}
