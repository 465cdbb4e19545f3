//! Lesson 02: processing the response.
//!
//! A response arrives in two parts. `send().await` gives the status line and the headers; the
//! body is read by a second await, as typed JSON, as untyped JSON, or as text. Then the part the
//! article only touches: what goes wrong, and how to tell the failures apart.

use std::fmt;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;

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
    /// The answer arrived but its body is not the JSON the type describes.
    Decode,
    /// Anything else (a malformed URL, a redirect loop, a broken body stream).
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
