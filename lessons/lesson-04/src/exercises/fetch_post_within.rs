//! Exercise 5: give up on a slow server, and say why.
//!
//! `fetch_post_within` gets `{base_url}/posts/{id}` through `client`, waits at most `limit` for
//! the answer, and reports any failure as an `ApiError` (the enum in this lesson's `lib.rs`), so
//! that the caller can `match` on what went wrong instead of reading messages.
//!
//! The contract, which `cargo test -p lesson-04` checks:
//! - one GET `{base_url}/posts/{id}`, sent through `client`, with a timeout of `limit` for this
//!   request only (the client keeps its own timeout for every other request). `base_url` may
//!   end in a path (`http://host/api/v1`): the post is then at `http://host/api/v1/posts/{id}`;
//! - one call, one request, whatever happens: no retry (retrying is the caller's choice, and
//!   `ApiError::is_transient` tells it when);
//! - `Ok(post)` when the whole answer, body included, arrives within `limit`;
//! - `Err(ApiError::Timeout(..))` when it does not, whether the server is slow to answer or
//!   slow to send the body: give up once `limit` has passed, not before it, and not when the
//!   server finally answers;
//! - `Err(ApiError::NotFound { url })` for a 404, with the URL that was asked for;
//! - `Err(ApiError::Status { status, url })` for any other error status, 4xx or 5xx (400, 403,
//!   429, 500, 503, …), with the URL that was asked for;
//! - `Err(ApiError::Connect(..))` when no connection can be made;
//! - `Err(ApiError::Decode(..))` when a successful answer's body is not a post: not JSON, JSON
//!   of another shape, or cut short before its end;
//! - `Err(ApiError::Other(..))` for any other failure, such as a server that closes the
//!   connection without answering (one request all the same: do not send it again), or a
//!   `base_url` that no request can go to (`not a url`, `mailto:me@example.com`): reqwest
//!   reports that as an error at `send()`, and nothing is sent;
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
