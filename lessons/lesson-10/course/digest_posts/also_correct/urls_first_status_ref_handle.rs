//! Correct: the URLs are all built first, then one pipeline per URL: `error_for_status_ref()?` (the
//! status checked before the body is touched), the body copied out of its `Bytes` into a `Vec<u8>`
//! of its own, the digest run through `Handle::current().spawn_blocking` (the same blocking pool),
//! and the pipelines driven by a `Vec` of boxed futures filled in a `for` loop and joined with
//! `join_all`.

use std::future::Future;
use std::pin::Pin;

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::Handle;

type Pipeline<'a> = Pin<Box<dyn Future<Output = Result<u64, reqwest::Error>> + Send + 'a>>;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let urls: Vec<String> = ids
        .iter()
        .map(|id| format!("{base_url}/posts/{id}"))
        .collect();
    let mut pipelines: Vec<Pipeline<'_>> = Vec::with_capacity(urls.len());
    for url in urls {
        pipelines.push(Box::pin(async move {
            let response = client.get(url).send().await?;
            response.error_for_status_ref()?;
            let body: Vec<u8> = response.bytes().await?.to_vec();
            let digested = Handle::current()
                .spawn_blocking(move || digest(&body))
                .await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        }));
    }
    join_all(pipelines).await
}
