//! Correct: the `{base_url}/posts/` prefix is written once per call, each URL is that prefix
//! cloned with the id written onto it (`std::fmt::Write`), each request is built with
//! `Client::request(Method::GET, ..)`, and one named `async fn` per post does the pipeline (GET,
//! status, raw bytes on the runtime, then the digest on the blocking pool); the pipelines run
//! together in a `FuturesUnordered`, each tagged with its place in `ids`, and every result is
//! stored in its own place as it finishes (no `join_all`).

use std::fmt::Write as _;

use futures::stream::{FuturesUnordered, StreamExt};
use reqwest::{Client, Method};

/// One post: the request and its body on the runtime, the digest on tokio's blocking pool.
async fn one_post(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client.request(Method::GET, url).send().await?;
    let body = response.error_for_status()?.bytes().await?;
    match tokio::task::spawn_blocking(move || digest(&body)).await {
        Ok(value) => Ok(value),
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut prefix = String::with_capacity(base_url.len() + "/posts/".len());
    prefix.push_str(base_url);
    prefix.push_str("/posts/");

    let mut running: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(place, id)| {
            let mut url = String::with_capacity(prefix.len() + 20);
            url.push_str(&prefix);
            let _ = write!(url, "{id}");
            async move { (place, one_post(client, url, digest).await) }
        })
        .collect();

    let mut results: Vec<Option<Result<u64, reqwest::Error>>> =
        std::iter::repeat_with(|| None).take(ids.len()).collect();
    while let Some((place, result)) = running.next().await {
        if let Some(slot) = results.get_mut(place) {
            *slot = Some(result);
        }
    }
    results
        .into_iter()
        .map(|slot| slot.unwrap_or_else(|| unreachable!("every place gets exactly one result")))
        .collect()
}
