//! Correct, written another way: no `join_all` and no stream: the ids are split in halves, again
//! and again, and the two halves are run together with `futures::future::join` (a boxed,
//! recursive future); the leaves are one pipeline each (GET on the runtime, status checked,
//! raw bytes, the digest on tokio's blocking pool), and each half's results are appended after
//! the other's, so the order is the order of `ids`. The first poll reaches every leaf, so every
//! request is in flight together, and each digest starts as soon as its own body is in.

use futures::future::{BoxFuture, FutureExt, join};
use reqwest::Client;

type Digests = Vec<Result<u64, reqwest::Error>>;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    halves(client, base_url, ids, digest).await
}

/// Both halves of `ids` at once, the left one's results first.
fn halves<'a>(
    client: &'a Client,
    base_url: &'a str,
    ids: &'a [u64],
    digest: fn(&[u8]) -> u64,
) -> BoxFuture<'a, Digests> {
    match ids {
        [] => async { Digests::new() }.boxed(),
        [id] => async move { vec![one(client, base_url, *id, digest).await] }.boxed(),
        _ => {
            let (left, right) = ids.split_at(ids.len() / 2);
            async move {
                let (mut first, second) = join(
                    halves(client, base_url, left, digest),
                    halves(client, base_url, right, digest),
                )
                .await;
                first.extend(second);
                first
            }
            .boxed()
        }
    }
}

/// One post: the request and its body on the runtime, the digest on the blocking pool.
async fn one(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?;
    let body = response.bytes().await?;
    match tokio::task::spawn_blocking(move || digest(&body)).await {
        Ok(digested) => Ok(digested),
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}
