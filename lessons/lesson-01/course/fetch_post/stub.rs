//! Exercise 1: fetch one post, typed.
//!
//! `fetch_post` gets `{base_url}/posts/{id}` and returns it as a `Post` struct rather than as
//! untyped JSON, so the compiler knows its fields.
//!
//! The contract, which `cargo test -p lesson-01` checks:
//! - exactly one GET per call, to `{base_url}/posts/{id}`, sent through `client`. `base_url`
//!   has no trailing `/` and may have a path of its own (`http://host/api/v1`): keep it whole
//!   (`http://host/api/v1/posts/7`). No retry, and no cache: asking for the same id again sends
//!   a new GET;
//! - `Ok(post)` with every field as the server sent it;
//! - every error status (any 4xx or 5xx: a missing post answers 404, a failing server 500 or
//!   503) is an `Err` that carries that status (`err.status()`), not an attempt to read the
//!   error's body as a post;
//! - a 200 whose body is not a post is an `Err` (a decode error), and a server that cannot be
//!   reached is an `Err`: never a panic, never a post made up of defaults;
//! - it awaits, never blocks the thread (no `std::thread::sleep`, no blocking client).

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // TODO: send the GET through `client`, turn an error status into an `Err`, decode the body.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = (client, base_url, id);
    todo!()
}
