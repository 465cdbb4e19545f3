//! Correct, written another way: one chain of `futures::TryFutureExt` combinators on the
//! future of `send()` (the request carrying its own timeout of `limit`), with every step
//! keeping `reqwest::Error`: `and_then` with `future::ready(Response::error_for_status(..))`
//! for the status, `and_then(Response::json::<Post>)` for the body, and one `err_into` at the
//! end that converts whichever step failed through the lesson's `From` impl, where the
//! reference uses three `?`. The combinators only poll the next step once the previous one
//! succeeded, so an error status is reported as soon as the head arrives, with its body
//! unread; the whole is one future owned by the call, so dropping it stops the request.

use std::time::Duration;

use futures::TryFutureExt;
use futures::future;
use lesson_support::models::Post;
use reqwest::{Client, Response};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .and_then(|response| future::ready(response.error_for_status()))
        .and_then(Response::json::<Post>)
        .err_into::<ApiError>()
        .await
}
