//! Correct, written another way: each GET is first built into a `reqwest::Request`
//! (`RequestBuilder::build`, which turns an unusable URL into a `reqwest::Error` instead of a
//! panic) and then sent with `Client::execute`, the lower-level call `send()` itself makes;
//! the status is judged with `StatusCode::is_client_error` / `is_server_error` by hand, and only
//! then is `error_for_status()` asked for the error (which carries the status). Every pipeline
//! (build, execute, status, raw `bytes()`, digest awaited on `spawn_blocking`) runs on the
//! runtime, all of them together through `join_all`, so each body is digested as soon as it is
//! in, and the results come back in the order of `ids`. A 3xx, or any status outside 400..=599,
//! is an answer like a 200.

use futures::future::join_all;
use reqwest::{Client, Request};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(ids.iter().map(|&id| one_post(client, base_url, id, digest))).await
}

/// One post: its request, its status, its body, then its digest on the blocking pool.
async fn one_post(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    // Appended, not joined: a base path such as `/api` stays.
    let request: Request = client.get(format!("{base_url}/posts/{id}")).build()?;
    let response = client.execute(request).await?;
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        // `error_for_status` fails on exactly these, and its error carries the status.
        return match response.error_for_status() {
            Err(err) => Err(err),
            // Unreachable by reqwest's own rule; read it as an answer rather than panic.
            Ok(response) => digest_body(response, digest).await,
        };
    }
    digest_body(response, digest).await
}

/// Reads the whole body on the runtime, then digests its bytes, untouched, off the runtime.
async fn digest_body(
    response: reqwest::Response,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = response.bytes().await?;
    match tokio::task::spawn_blocking(move || digest(&body)).await {
        Ok(digested) => Ok(digested),
        // Only a panic in `digest` gets here, which the contract rules out: pass it on.
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}
