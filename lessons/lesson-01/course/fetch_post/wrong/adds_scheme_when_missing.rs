//! Wrong: breaks "a `base_url` that is no URL at all (`127.0.0.1:3000`, its scheme left out and none added by you) is an `Err` as well, the one `send()` gives": it puts `http://` in front of a base URL without a scheme (the `requests`-style "MissingSchema" fix-up), so `127.0.0.1:3000` gets a real request, or a connect error instead of the builder error
//! Exercise 1: fetch one post, typed.
//!
//! `fetch_post` gets `{base_url}/posts/{id}` and returns it as a `Post` struct rather than as
//! untyped JSON, so the compiler knows its fields.
//!
//! The contract, which `cargo test -p lesson-01` checks:
//! - exactly one GET per call, to `{base_url}/posts/{id}` exactly (nothing added, no query
//!   string), sent through `client`. `base_url` has no trailing `/` and may have a path of its
//!   own (`http://host/api/v1`): keep it whole (`http://host/api/v1/posts/7`). No retry, and no
//!   cache: asking for the same id again sends a new GET;
//! - `Ok(post)` with every field exactly as the server sent it, the `id` included (the body's
//!   `id`, not the argument: a server answering post 8 for `/posts/7` gives post 8); no
//!   trimming: spaces and newlines around a title are part of it, and an empty or blank title or
//!   body is still a post; a field more than `Post` has (`"views": 3`) does not make it less of
//!   a post;
//! - every error status, any 4xx or 5xx (a missing post answers 404, a failing server 500 or
//!   503, and a 405, 418 or 599 is no different), is an `Err` that carries that status
//!   (`err.status()`), whatever the body: an error answer whose body is a post is still an
//!   `Err`, not a post;
//! - a 200 whose body is not a post (HTML, a to-do, an object with a field missing or of the
//!   wrong type, such as an `id` sent as the string `"7"`) is an `Err` (a decode error): every
//!   field of `Post` is required, `id` included, and an id is a JSON number, never a string;
//! - a server that cannot be reached is an `Err` about the URL asked for (`err.url()` is
//!   `{base_url}/posts/{id}`): no request goes anywhere else, no fallback server; a server that
//!   closes the connection without answering is an `Err` too, after that one request (no retry);
//! - a `base_url` that is no URL at all (`127.0.0.1:3000`, its scheme left out and none added by you) is an `Err` as
//!   well, the one `send()` gives;
//! - never a panic, never a post made up of defaults;
//! - it awaits, never blocks the thread (no `std::thread::sleep`, no blocking client).

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // Be forgiving about how the address was typed: `127.0.0.1:3000` means plain HTTP.
    let base = if base_url.contains("://") {
        base_url.to_owned()
    } else {
        format!("http://{base_url}")
    };
    client
        .get(format!("{base}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
