//! Lesson 04: errors and timeouts.
//!
//! Lesson 02 told failures apart with `reqwest::Error`'s `is_*` methods. A library should not
//! make every caller repeat that: it classifies once and returns its own error type, an enum
//! with one variant per reaction the caller might have (fix the id, retry later, give up). This
//! module defines that enum for the lesson's API with `thiserror`, the crate the Rust ecosystem
//! uses for library errors, and the functions that return it.
//!
//! Then time. reqwest waits forever unless told otherwise, so every request needs a bound: one
//! for all requests of a client (`ClientBuilder::timeout`), one for a single request
//! (`RequestBuilder::timeout`, which replaces the client's), or one around any piece of async
//! work at all (`tokio::time::timeout`, which gives up by dropping the future it was polling).

pub mod exercises;

use std::error::Error as StdError;
use std::time::Duration;

use lesson_support::models::{Comment, Post};
use reqwest::{Client, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;

// ANCHOR: api_error
/// Why a call to the API failed, sorted by what the caller can do about it.
///
/// `#[derive(thiserror::Error)]` writes the `std::error::Error` impl: `#[error("…")]` is each
/// variant's `Display` (this layer's message only: the cause prints itself), and `#[source]`
/// marks the field that `Error::source()` returns, so a report can walk down to the root cause.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The server has no such resource (it answered 404). Asking again gets the same answer.
    #[error("nothing at {url} (404 Not Found)")]
    NotFound { url: String },

    /// The server answered with another error status: a 5xx or a 429 may pass if you retry
    /// later; another 4xx means the request itself is wrong.
    #[error("the server answered {status} for {url}")]
    Status { status: StatusCode, url: String },

    /// No complete answer within reqwest's timeout (the client's, or the request's own).
    #[error("no answer in time")]
    Timeout(#[source] reqwest::Error),

    /// No connection: nothing listens at that address, or the name does not resolve.
    #[error("could not connect to the server")]
    Connect(#[source] reqwest::Error),

    /// An answer arrived, but its body is not the JSON we asked for, or it broke off while being
    /// read (reqwest reports a body that fails to arrive as a decode error too).
    #[error("the answer is not the JSON expected")]
    Decode(#[source] reqwest::Error),

    /// Our own deadline around several steps passed (see [`fetch_post_with_comments_by`]).
    /// `#[from]` also writes `From<Elapsed> for ApiError`, so `?` converts the error of
    /// `tokio::time::timeout` into this variant.
    #[error("gave up: the work did not finish before its deadline")]
    Deadline(#[from] tokio::time::error::Elapsed),

    /// Anything else: the connection closed before the answer's head arrived, a redirect loop,
    /// a malformed URL.
    #[error("the request failed")]
    Other(#[source] reqwest::Error),
}
// ANCHOR_END: api_error

// ANCHOR: classify
/// Sorts a `reqwest::Error` into its variant, so that `?` on any reqwest call gives the right
/// `ApiError`.
///
/// Written by hand because `#[from]` cannot do it: `#[from]` writes a `From` that always builds
/// the same variant, and a reqwest error belongs in one of six depending on what happened.
impl From<reqwest::Error> for ApiError {
    fn from(err: reqwest::Error) -> ApiError {
        let url = err.url().map(ToString::to_string).unwrap_or_default();
        // The status first: an error from `error_for_status()` has one, and nothing else
        // matters about it. Then timeout before connect: a timeout while connecting answers
        // `true` to both, and "timeout" is the more useful name for it.
        match err.status() {
            Some(StatusCode::NOT_FOUND) => ApiError::NotFound { url },
            Some(status) => ApiError::Status { status, url },
            None if err.is_timeout() => ApiError::Timeout(err),
            None if err.is_connect() => ApiError::Connect(err),
            None if err.is_decode() => ApiError::Decode(err),
            None => ApiError::Other(err),
        }
    }
}
// ANCHOR_END: classify

// ANCHOR: is_transient
impl ApiError {
    /// Whether the same request might succeed if sent again later. This is what a typed error
    /// buys the caller: a `match` instead of digging through messages.
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::NotFound { .. } => false,
            // JSON of the wrong shape will be the same next time; a body that broke off on the
            // way may well arrive whole. Only the first has the JSON parser's error behind it.
            ApiError::Decode(err) => !caused_by_json(err),
            ApiError::Status { status, .. } => {
                status.is_server_error()
                    || *status == StatusCode::TOO_MANY_REQUESTS
                    || *status == StatusCode::REQUEST_TIMEOUT
            }
            ApiError::Timeout(_) | ApiError::Connect(_) | ApiError::Deadline(_) => true,
            // A request that could not even be built will not build next time either, and a
            // redirect loop (reqwest gives up after ten redirects) loops again.
            ApiError::Other(err) => !err.is_builder() && !err.is_redirect(),
        }
    }
}

/// Whether the JSON parser's error is among `err`'s causes: the body arrived whole, and was not
/// the JSON expected.
fn caused_by_json(err: &reqwest::Error) -> bool {
    let mut cause = std::error::Error::source(err);
    while let Some(inner) = cause {
        if inner.is::<serde_json::Error>() {
            return true;
        }
        cause = inner.source();
    }
    false
}
// ANCHOR_END: is_transient

// ANCHOR: fetch_json
/// Sends a prepared request, checks the status, decodes the JSON body, and classifies any
/// failure.
///
/// It takes a `RequestBuilder` rather than a URL so that the caller can set anything a request
/// can have first: `fetch_json(client.get(url).timeout(Duration::from_secs(1)))`.
///
/// # Errors
/// Every variant of [`ApiError`] but `Deadline`.
pub async fn fetch_json<T: DeserializeOwned>(request: RequestBuilder) -> Result<T, ApiError> {
    // Each `?` converts a `reqwest::Error` with the `From` impl above.
    let value = request
        .send()
        .await?
        // Before decoding: a 404's body is `{}`, which would fail as "missing field" and hide
        // the real reason (lesson 02).
        .error_for_status()?
        .json::<T>()
        .await?;
    Ok(value)
}
// ANCHOR_END: fetch_json

/// Fetches `/posts/{id}`, bounded by the client's own timeout.
///
/// # Errors
/// See [`fetch_json`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, ApiError> {
    fetch_json(client.get(format!("{base_url}/posts/{id}"))).await
}

// ANCHOR: deadline
/// Fetches post `id`, then its comments: two requests, one after the other.
///
/// # Errors
/// See [`fetch_json`].
pub async fn fetch_post_with_comments(
    client: &Client,
    base_url: &str,
    id: u64,
) -> Result<(Post, Vec<Comment>), ApiError> {
    let post = fetch_post(client, base_url, id).await?;
    let comments = fetch_json(client.get(format!("{base_url}/posts/{id}/comments"))).await?;
    Ok((post, comments))
}

/// [`fetch_post_with_comments`], done within `deadline` or not at all.
///
/// A per-request timeout bounds each request on its own; two requests of 300 ms each pass a
/// 500 ms per-request timeout and still take 600 ms together. `tokio::time::timeout` bounds the
/// whole: it polls the inner future until that finishes or the deadline passes, and then it
/// returns `Err(Elapsed)`; the inner future is *dropped* with the `Timeout`, after the `.await`. Dropping is how Rust cancels: no exception is raised inside the work, it
/// simply is never polled again, and the request in flight is abandoned with it.
///
/// # Errors
/// [`ApiError::Deadline`] when the deadline passed first, or the error of either request.
pub async fn fetch_post_with_comments_by(
    client: &Client,
    base_url: &str,
    id: u64,
    deadline: Duration,
) -> Result<(Post, Vec<Comment>), ApiError> {
    // `timeout(..).await` is `Result<Result<_, ApiError>, Elapsed>`: the `?` turns the outer
    // `Elapsed` into `ApiError::Deadline` (the `#[from]`), and what is left is our result.
    tokio::time::timeout(deadline, fetch_post_with_comments(client, base_url, id)).await?
}
// ANCHOR_END: deadline

// ANCHOR: causes
/// An error and its causes, outermost first: the error's own message, then `source()`, then
/// the source's source, and so on down to the root.
///
/// A cause whose text the previous message already contains is skipped, so that every fact is
/// said once. (`lesson_support::report::error_chain` joins the same list into one line.)
pub fn causes(err: &(dyn StdError + 'static)) -> Vec<String> {
    let mut messages = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if messages.last().is_none_or(|last| !last.contains(&text)) {
            messages.push(text);
        }
        source = cause.source();
    }
    messages
}
// ANCHOR_END: causes
