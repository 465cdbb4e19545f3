//! Correct, written another way: each post is one chain of `TryFutureExt::and_then` steps (send,
//! status, bytes, `spawn_blocking` digest), and the chains run together in a `FuturesOrdered`.
//!
//! A `FuturesOrdered` polls every future pushed into it at once (it is a `FuturesUnordered`
//! inside) and yields their outputs in the order they were pushed, that is the order of `ids`,
//! holding back an early output until those before it are out. Each chain reaches its digest as
//! soon as its own body is in, whatever the others do; the request and body are read by async
//! code on the runtime, and only the digest goes to the blocking pool, awaited through its
//! `JoinHandle`. An error anywhere in a chain (a failed connection, a 4xx or 5xx from
//! `error_for_status`, a body that breaks off) skips the later steps, so `digest` is not
//! called. Empty `ids` give an empty stream, and an empty `Vec`.

use futures::future::{self, FutureExt, TryFutureExt};
use futures::stream::{FuturesOrdered, StreamExt};
use reqwest::{Client, Response};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    ids.iter()
        .map(|id| {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .and_then(|response| future::ready(response.error_for_status()))
                .and_then(Response::bytes)
                .and_then(move |body| {
                    tokio::task::spawn_blocking(move || digest(&body)).map(|joined| {
                        // A `JoinError` only comes from a panic in `digest`, which the contract
                        // rules out; pass one on rather than hide it.
                        Ok::<u64, reqwest::Error>(
                            joined
                                .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
                        )
                    })
                })
        })
        .collect::<FuturesOrdered<_>>()
        .collect::<Vec<_>>()
        .await
}
