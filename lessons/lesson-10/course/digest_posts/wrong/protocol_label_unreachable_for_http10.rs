//! Wrong: breaks "no panic: `digest` itself never panics" for a server that answers in HTTP/1.0
//! (Python's `http.server`, whose `BaseHTTPRequestHandler.protocol_version` is "HTTP/1.0" by
//! default, old embedded servers, some proxies): the call counts its answers per protocol for a
//! summary line, and labels each answer's `Response::version()` as "h1" or "h2" with
//! `unreachable!` for anything else; an `HTTP/1.0 200 OK` reaches that arm and the call panics
//! instead of returning `Ok(digest(body))`.
//! Why a learner would think it right: the workspace's reqwest has the `http2` feature and no
//! `http3`, so "reqwest speaks HTTP/1.1 and HTTP/2 only" looks like a fact about the client,
//! and `unreachable!` documents it. Otherwise the reference pipeline.

use std::sync::atomic::{AtomicUsize, Ordering};

use futures::future::join_all;
use reqwest::{Client, Version};

/// "h1" or "h2": the protocols this client is built with.
fn protocol_label(version: Version) -> &'static str {
    if version == Version::HTTP_11 {
        "h1"
    } else if version == Version::HTTP_2 {
        "h2"
    } else {
        unreachable!("reqwest is built with HTTP/1.1 and HTTP/2 only, got {version:?}")
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let over_h1 = AtomicUsize::new(0);
    let over_h2 = AtomicUsize::new(0);
    let (over_h1, over_h2) = (&over_h1, &over_h2);
    let each = ids.iter().map(|&id| {
        let url = format!("{base_url}/posts/{id}");
        async move {
            let response = client.get(url).send().await?;
            match protocol_label(response.version()) {
                "h2" => over_h2.fetch_add(1, Ordering::Relaxed),
                _ => over_h1.fetch_add(1, Ordering::Relaxed),
            };
            let body = response.error_for_status()?.bytes().await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        }
    });
    let results = join_all(each).await;
    if !ids.is_empty() {
        eprintln!(
            "digest_posts: {} ids, {} answers over HTTP/1.1, {} over HTTP/2",
            ids.len(),
            over_h1.load(Ordering::Relaxed),
            over_h2.load(Ordering::Relaxed),
        );
    }
    results
}
