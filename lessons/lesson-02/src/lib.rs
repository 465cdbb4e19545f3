//! Lesson 02: processing the response.
//!
//! A response arrives in two parts. `send().await` gives the status line and the headers; the
//! body is read by a second await, as typed JSON, as untyped JSON, or as text. Then the part the
//! article only touches: what goes wrong, and how to tell the failures apart.

pub mod exercises;

use std::fmt;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;

// ANCHOR: fetch_head
/// What the first await of a request tells: the status and a few headers.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseHead {
    pub status: StatusCode,
    pub content_type: Option<String>,
    pub content_length: Option<u64>,
}

/// Sends `GET url` and reads the status and headers, leaving the body unread.
///
/// # Errors
/// Fails only if no answer arrives (connection refused, timeout). Any status is a success here.
pub async fn fetch_head(client: &Client, url: &str) -> Result<ResponseHead, reqwest::Error> {
    let response = client.get(url).send().await?;
    // Headers are bytes on the wire, not necessarily text: `to_str` fails on non-ASCII, and
    // `.ok()` turns that into "no usable value" rather than an error.
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    Ok(ResponseHead {
        status: response.status(),
        content_type,
        content_length: response.content_length(),
    })
}
// ANCHOR_END: fetch_head

// ANCHOR: fetch_json
/// Fetches `url` and decodes its JSON body into any type `T` that serde can build.
///
/// This is the shape of almost every JSON API call: send, check the status, decode.
///
/// # Errors
/// A connection failure, an error status (4xx, 5xx), or a body that does not fit `T`.
pub async fn fetch_json<T: DeserializeOwned>(
    client: &Client,
    url: &str,
) -> Result<T, reqwest::Error> {
    client
        .get(url)
        .send()
        .await?
        // Turn 4xx and 5xx into an `Err`, like `raise_for_status()`. It must come *before*
        // decoding: a 404's body is `{}`, which would otherwise fail as "missing field" and hide
        // the real reason.
        .error_for_status()?
        .json::<T>()
        .await
}
// ANCHOR_END: fetch_json

// ANCHOR: body_forms
/// The post as a typed struct: fields checked, names and types known to the compiler.
///
/// # Errors
/// See [`fetch_json`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    fetch_json(client, &format!("{base_url}/posts/{id}")).await
}

/// The post as an untyped `serde_json::Value`: any JSON fits, and every access is checked at
/// run time. Handy for exploring an API; a struct is better once you know the shape.
///
/// # Errors
/// See [`fetch_json`].
pub async fn fetch_post_value(
    client: &Client,
    base_url: &str,
    id: u64,
) -> Result<Value, reqwest::Error> {
    fetch_json(client, &format!("{base_url}/posts/{id}")).await
}

/// The post's body as it came over the wire, as text: `await response.text()`.
///
/// # Errors
/// A connection failure or an error status.
pub async fn fetch_post_text(
    client: &Client,
    base_url: &str,
    id: u64,
) -> Result<String, reqwest::Error> {
    client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .text()
        .await
}
// ANCHOR_END: body_forms

// ANCHOR: ignoring_status
/// Decodes `/posts/{id}` as a `Post` *without* looking at the status first: the mistake that
/// [`fetch_json`] avoids, kept here to show its symptom.
///
/// # Errors
/// For a missing post, a decode error ("missing field") instead of the 404 that really happened.
pub async fn fetch_post_ignoring_status(
    client: &Client,
    base_url: &str,
    id: u64,
) -> Result<Post, reqwest::Error> {
    client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .json::<Post>()
        .await
}
// ANCHOR_END: ignoring_status

// ANCHOR: failure_kind
/// The kinds of failure a request can meet, each calling for a different reaction.
///
/// `reqwest::Error` is one type for all of them; its `is_*` methods tell them apart. aiohttp has
/// a class per kind instead (`ClientResponseError`, `ClientConnectorError`, `TimeoutError`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// The server answered with an error status: fix the request (4xx) or try later (5xx).
    Status(StatusCode),
    /// No answer in time: the server is slow or the network lost packets. Often worth a retry.
    Timeout,
    /// No connection: nothing listens there, or the name does not resolve.
    Connect,
    /// The body could not be read as the type: it is not the JSON the type describes, or (reqwest
    /// 0.13 counts this as decoding too) it broke off while being read.
    Decode,
    /// Anything else (a malformed URL, a redirect loop, a connection closed before the answer).
    Other,
}

impl FailureKind {
    /// Classifies a reqwest error. The order matters: a timeout while connecting is both
    /// `is_timeout` and `is_connect`, and "timeout" is the more useful name for it.
    pub fn of(err: &reqwest::Error) -> FailureKind {
        if let Some(status) = err.status() {
            FailureKind::Status(status)
        } else if err.is_timeout() {
            FailureKind::Timeout
        } else if err.is_connect() {
            FailureKind::Connect
        } else if err.is_decode() {
            FailureKind::Decode
        } else {
            FailureKind::Other
        }
    }
}
// ANCHOR_END: failure_kind

impl fmt::Display for FailureKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FailureKind::Status(status) => write!(f, "status error ({status})"),
            FailureKind::Timeout => f.write_str("timeout"),
            FailureKind::Connect => f.write_str("connection error"),
            FailureKind::Decode => f.write_str("decode error"),
            FailureKind::Other => f.write_str("other error"),
        }
    }
}

// ANCHOR: user_error
/// Why fetching a user failed, in the terms a caller acts on. Exercise 2 (`fetch_user`) returns
/// it; each variant calls for a different reaction.
#[derive(Debug)]
pub enum UserError {
    /// The server has no user with this id (it answered 404): a wrong id, not worth a retry.
    NotFound(u64),
    /// The server answered with another error status (500, 503, 429, …): worth a retry later.
    Server(StatusCode),
    /// No answer at all: the server is down, unreachable, or too slow.
    Unreachable(reqwest::Error),
    /// An answer came, but its body is not a user.
    BadBody(reqwest::Error),
}
// ANCHOR_END: user_error

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UserError::NotFound(id) => write!(f, "there is no user {id}"),
            UserError::Server(status) => write!(f, "the server failed with {status}"),
            UserError::Unreachable(_) => f.write_str("the server could not be reached"),
            UserError::BadBody(_) => f.write_str("the answer is not a user"),
        }
    }
}

impl std::error::Error for UserError {
    /// The reqwest error underneath, so that a report can print the whole chain.
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            UserError::Unreachable(err) | UserError::BadBody(err) => Some(err),
            UserError::NotFound(_) | UserError::Server(_) => None,
        }
    }
}
