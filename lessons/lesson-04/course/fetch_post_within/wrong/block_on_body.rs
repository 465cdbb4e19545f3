//! Wrong: breaks "`Err(ApiError::Timeout(..))` when it does not [arrive whole within `limit`], whether the server is … slow to send a successful answer's body: give up once `limit` has passed" and "calls made at the same time send their requests at once, each waiting at most its own `limit`": written as one chain of `Result` combinators, it has to await the body inside a plain closure and reaches for `futures::executor::block_on(response.json::<Post>())`, which blocks the runtime's thread until the body is in; the connection task that should deliver the body, reqwest's own timer and every other call on that thread stop meanwhile, so a body that is slow to come never gives up at `limit` (on a single-threaded runtime it hangs for good) and concurrent calls wait on each other; a body already in when the head arrives decodes at once, so fast answers, every status, connect failure and bad base URL are right.

use std::time::Duration;

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
        .await
        .and_then(Response::error_for_status)
        // `and_then` takes a plain closure, where `.await` is not allowed: run the body's
        // future to completion right here instead.
        .and_then(|response| futures::executor::block_on(response.json::<Post>()))
        .map_err(ApiError::from)
}
