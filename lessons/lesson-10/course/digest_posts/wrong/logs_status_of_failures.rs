//! Wrong: breaks "`Err(err)` when the request failed (... a failed connection)" and "no panic"
//! The learner adds the log line a Python service has in its `except aiohttp.ClientResponseError as
//! e: log.warning("post %s: HTTP %s", id, e.status)`: every failed post is reported on stderr with
//! its status, read with `err.status().expect(..)`, "a failed request carries its status". It does
//! for the 404s and 503s the learner tried; a connection refused, reset or closed before an answer
//! (or a body cut off after its head) has no status, and the call panics instead of returning that
//! entry's `Err`.

use futures::future::join_all;
use reqwest::Client;

/// The request and its body, on the runtime: the status checked first.
async fn fetch(client: &Client, url: &str) -> Result<Vec<u8>, reqwest::Error> {
    let response = client.get(url).send().await?.error_for_status()?;
    Ok(response.bytes().await?.to_vec())
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let body = match fetch(client, &url).await {
            Ok(body) => body,
            Err(err) => {
                let status = err.status().expect("a failed request carries its status");
                eprintln!("digest_posts: post {id}: HTTP {}", status.as_u16());
                return Err(err);
            }
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
