//! Wrong: breaks "An error status is known as soon as the answer's head arrives: report it then, without reading or waiting for its body": it drains the body of a 4xx/5xx (to keep the connection reusable) before returning NotFound/Status, so a stalled error body delays the error until `limit`.
//!
//! `fetch_post_within` gets `{base_url}/posts/{id}` through `client`, waits at most `limit` for
//! the answer, and reports any failure as an `ApiError` (the enum in this lesson's `lib.rs`), so
//! that the caller can `match` on what went wrong instead of reading messages.
//!
//! The contract, which `cargo test -p lesson-04` checks:
//! - one GET `{base_url}/posts/{id}`, sent through `client` whatever `limit` is, with a timeout
//!   of `limit` for this request only (the client keeps its own timeout for every other request). `limit` replaces
//!   the client's timeout, longer or shorter (a `limit` of 45 s waits 45 s, though the client's
//!   own is 30 s), and may be any `Duration`, a few microseconds too: `Duration::ZERO` is a
//!   timeout of zero (give up at once, `Timeout`, at the timer's next tick: an answer from this
//!   machine can still come first; not aiohttp's "0 means no timeout"), and `Duration::MAX` the longest
//!   timeout there is (a caller's "no limit": it too replaces the client's timeout, so the
//!   request waits as long as the server takes). `base_url` may end in a path
//!   (`http://host/api/v1`): the post is then at `http://host/api/v1/posts/{id}`;
//! - one call, one request, whatever happens (a redirect, which the client follows as it does by
//!   default, belongs to that request: the answer at its end is the answer): no retry, not even after a 429 or 503 whose
//!   `Retry-After` would fit within `limit` (retrying is the caller's choice, and
//!   `ApiError::is_transient` tells it when), and no cache (a second call for the same post
//!   sends a request of its own);
//! - each call on its own, keeping nothing between calls: calls made at the same time send their
//!   requests at once, each waiting at most its own `limit` (no spacing, queue or rate limit of
//!   your own between requests: pacing them is the caller's choice); and nothing of a call
//!   outlives it: a call whose future is dropped (a caller's own timeout, a `select!`) stops its
//!   request;
//! - `Ok(post)`, the post as the server sent it (every field unchanged: no trimming), when a
//!   successful answer (any 2xx: a 200, but also a 201 or a 203) arrives whole, body included, within `limit`
//!   (ask for nothing the client cannot read: no `Accept-Encoding` or `TE` of your own, no
//!   `Accept` that puts another type before JSON; the client already asks for what it can). A well-formed post
//!   whose `id` is not `id` is `Ok` too: whether it is the post wanted is the caller's business;
//! - `Err(ApiError::Timeout(..))` when it does not, whether the server is slow to answer or
//!   slow to send a successful answer's body: give up once `limit` has passed, not before it, and not when the
//!   server finally answers. A connection attempt that times out (the client's own
//!   `connect_timeout` passes without an answer) is a `Timeout` too, not a `Connect`;
//! - `Err(ApiError::NotFound { url })` for a 404, and only for a 404, whatever its body
//!   (empty, text, HTML or JSON), with the URL that was asked for (after a redirect, reqwest
//!   reports the URL it led to, and that is fine too). An error status (this one and the next) is known as soon
//!   as the answer's head arrives: report it then, without reading or waiting for its body,
//!   even if that body would come after `limit` or never;
//! - `Err(ApiError::Status { status, url })` for any other error status, 4xx or 5xx (400, 403,
//!   408, 429, 500, 503, 504, …), with the URL that was asked for: a status the server sent is
//!   `Status`, whatever it says (a 408 Request Timeout or a 504 Gateway Timeout is not a
//!   `Timeout`: an answer did arrive in time);
//! - `Err(ApiError::Connect(..))` when no connection can be made (nothing listens at that
//!   address, or its host name does not resolve: that is not a `NotFound`), at once (a
//!   refused connection is not tried again);
//! - `Err(ApiError::Decode(..))` when a successful answer's body is not a post: not JSON, JSON
//!   of another shape (a list of posts, even `[post]` or `[]`), or cut short before its end;
//! - `Err(ApiError::Other(..))` for any other failure, such as a server that closes the
//!   connection without answering (one request all the same: do not send it again), or a
//!   `base_url` that no request can go to (`not a url`, `mailto:me@example.com`): reqwest
//!   reports that as an error at `send()`, and nothing is sent;
//! - never a panic, and never blocking the thread it runs on, which other tasks share (no
//!   `std::thread::sleep`, blocking client or `block_on`: wait with `.await`).

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
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;
    if let Some(status_error) = response.error_for_status_ref().err() {
        // Read the rest of the error answer before giving up on it: hyper can only put a
        // connection back into the pool once its body has been read to the end, and the next
        // call should not pay for a new connection. Whatever the body says (or whether it
        // arrives), the status already decided the error.
        let _ = response.bytes().await;
        return Err(ApiError::from(status_error));
    }
    let post = response.json::<Post>().await?;
    Ok(post)
}
