//! Correct, written another way: builds the `Request` first (`RequestBuilder::build`), sends it
//! with `Client::execute` on the same client, and folds the status check into the send's own
//! `Result` with `and_then(Response::error_for_status)` instead of a second `?` in a chain.
//!
//! A `base_url` that is no URL fails in `build()` with the very builder error that `send()`
//! would have returned (the builder only carries it there), and `execute` adds the client's
//! defaults and timeouts exactly as `send()` does.

use lesson_support::models::Post;
use reqwest::{Client, Response};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let request = client.get(format!("{base_url}/posts/{id}")).build()?;
    let response = client
        .execute(request)
        .await
        .and_then(Response::error_for_status)?;
    response.json::<Post>().await
}
