//! Exercise 9, solved: give up on a slow server, and say why.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure (the contract is the
/// exercise file's doc comment).
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        // For this request only: it replaces the client's timeout, and the shared client (with
        // its connection pool) stays as it is for everyone else. It runs from the connection to
        // the end of the body, so a body that trickles in too slowly is a timeout too.
        .timeout(limit)
        .send()
        .await?
        // A 404 or 500 becomes an error here, carrying its status and URL; any 2xx (a 201 or
        // a 203 too) goes on to be decoded, and the post is returned as the server sent it.
        .error_for_status()?
        .json::<Post>()
        .await?;
    // Every `?` above converts a `reqwest::Error` into an `ApiError` through the
    // `From<reqwest::Error>` impl in lib.rs, which picks the variant: status (404 or not),
    // then timeout, connect, decode, and Other for the rest (a `base_url` that is not a URL
    // included: `send()` reports it as a builder error, without sending anything). No retry,
    // not even after a dropped connection or a `Retry-After`, and no cache: the caller
    // decides, with `ApiError::is_transient`.
    Ok(post)
}
