//! Correct: an error answer's `Err` is returned at once, as the reference does, but its body is not just dropped: a spawned task reads it to the end (the `requests` habit of consuming a response so that its keep-alive connection goes back to the pool), off the call's path; a check that expects every answer of a finished call to be released, or its connection closed, would reject it
//!
//! The status is checked with `error_for_status_ref`, so the error still carries the status
//! (and the URL), `digest` is never called for it, and the call does not wait for the error
//! body: the drain is a task of its own on the same runtime, which ends with the body (or with
//! the runtime). Successful answers are the reference's pipeline: raw bytes on the runtime, the
//! digest on the blocking pool.

use futures::future::join_all;
use reqwest::{Client, Response};

/// Reads an unwanted body to its end, so that its connection can be used again.
async fn drain(mut response: Response) {
    while let Ok(Some(_)) = response.chunk().await {}
}

async fn fetch(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client.get(url).send().await?;
    let status_error = response.error_for_status_ref().err();
    if let Some(err) = status_error {
        tokio::spawn(drain(response));
        return Err(err);
    }
    let body = response.bytes().await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(
        ids.iter()
            .map(|id| fetch(client, format!("{base_url}/posts/{id}"), digest)),
    )
    .await
}
