//! Exercise 5: give up on a slow server, and say why.
//!
//! `fetch_post_within` gets `{base_url}/posts/{id}` through `client`, waits at most `limit` for
//! the answer, and reports any failure as an `ApiError` (the enum in this lesson's `lib.rs`), so
//! that the caller can `match` on what went wrong instead of reading messages.
//!
//! The contract, which `cargo test -p lesson-04` checks:
//! - one GET `{base_url}/posts/{id}`, sent through `client`, with a timeout of `limit` for this
//!   request only (the client keeps its own timeout for every other request);
//! - `Ok(post)` when the post arrives within `limit`;
//! - `Err(ApiError::Timeout(..))` when it does not: return soon after `limit` has passed, not
//!   when the server finally answers;
//! - `Err(ApiError::NotFound { url })` for a 404, with the URL that was asked for;
//! - `Err(ApiError::Status { status, url })` for any other error status (500, 503, …);
//! - `Err(ApiError::Connect(..))` when no connection can be made;
//! - `Err(ApiError::Decode(..))` when the body is not a post;
//! - never a panic.

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
    // TODO: send the GET with a timeout of `limit` on this request, check the status, decode
    // the post, and turn each failure into its `ApiError` variant.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = (client, base_url, id, limit);
    todo!()
}
