//! Lesson 01: a single request.
//!
//! The aiohttp article opens a `ClientSession`, sends one GET, prints the status and the JSON
//! body. This is the same program in Rust. The function lives here, in the library part of the
//! crate, so that `main.rs`, the tests and the book all use this one copy.

pub mod exercises;

use reqwest::{Client, StatusCode};
use serde_json::Value;

// ANCHOR: fetch_post_json
/// Fetches `/posts/{id}` and returns the status code with the body parsed as JSON.
///
/// `client` is borrowed, not created here: a program builds one `Client` and sends all its
/// requests through it (see `lesson_support::client`).
///
/// # Errors
/// Fails when the server cannot be reached, when it answers with an error status (4xx or 5xx),
/// or when the body is not JSON.
pub async fn fetch_post_json(
    client: &Client,
    base_url: &str,
    id: u64,
) -> Result<(StatusCode, Value), reqwest::Error> {
    // `send` returns once the status line and headers have arrived; the body is still on the
    // wire. Like `async with session.get(url) as response` in aiohttp.
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    let status = response.status();

    // A 404 or a 500 is not an `Err` for reqwest: the server did answer. `error_for_status`
    // makes it one, like `response.raise_for_status()` in aiohttp. Without it, a server's error
    // page would be parsed as if it were the post (lesson 02 looks at this closely).
    let response = response.error_for_status()?;

    // Reading the body is a second await: `await response.json()` in aiohttp.
    let body = response.json::<Value>().await?;
    Ok((status, body))
}
// ANCHOR_END: fetch_post_json
