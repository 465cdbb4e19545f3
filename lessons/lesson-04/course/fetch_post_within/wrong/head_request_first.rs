//! Wrong: breaks "one GET `{base_url}/posts/{id}`" and "one call, one request, whatever happens": reading "an error status is known as soon as the answer's head arrives: report it then, without reading or waiting for its body" as the HTTP `HEAD` method, it first sends `HEAD {base_url}/posts/{id}` (an answer without a body), reports a 404 or any other error status of that answer at once, and sends the GET (with what is left of `limit`) only when the HEAD came back 2xx; so every successful call makes two requests, and every error status is the server's answer to a HEAD, not to the GET (a server that routes only GET answers the HEAD 404 or 405, and a post that exists is reported as `NotFound`/`Status`).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::time::Instant;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let started = Instant::now();

    // The head first: an error status is known from the head alone, so ask for the head only
    // and never wait for an error page's body.
    client
        .head(url.as_str())
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;

    // The post exists: now fetch it, within what is left of the caller's limit.
    let left = limit.saturating_sub(started.elapsed());
    let post = client
        .get(url.as_str())
        .timeout(left)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
