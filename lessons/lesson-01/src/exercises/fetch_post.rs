//! Exercise 1: fetch one post, typed.
//!
//! `fetch_post` gets `{base_url}/posts/{id}` and returns it as a `Post` struct rather than as
//! untyped JSON, so the compiler knows its fields.
//!
//! The contract, which `cargo test -p lesson-01` checks:
//! - exactly one GET to `{base_url}/posts/{id}`, sent through `client`;
//! - `Ok(post)` with the post's fields;
//! - an error status (a missing post answers 404) is an `Err` that carries that status, not an
//!   attempt to read the error's body as a post.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // TODO: send the GET through `client`, turn an error status into an `Err`, decode the body.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = (client, base_url, id);
    todo!()
}
