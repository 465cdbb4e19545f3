//! Wrong: breaks "its URL made by appending to `base_url`" (and "through `client`": the client's own name resolution is bypassed)
//! The learner has been bitten by `localhost` (Node 17 and Windows resolving it to `::1` first,
//! a server that listens on 127.0.0.1 only, a failed connection or a happy-eyeballs wait on every
//! new connection), so a base URL whose host is `localhost` is rewritten to `127.0.0.1` before
//! the URLs are made. Path, port and everything else are kept, and a base URL with an address or
//! another name (or with a user and password in front of the host) is used as given; only a
//! `localhost` base sends a different `Host`, skips the resolver the caller's client was built
//! with (`ClientBuilder::resolve`, a custom `dns_resolver`), and would fail TLS name checks.

use std::borrow::Cow;

use futures::future::join_all;
use reqwest::Client;

/// `base_url` with a `localhost` host replaced by the IPv4 loopback address.
fn without_localhost(base_url: &str) -> Cow<'_, str> {
    for scheme in ["http://", "https://"] {
        let after = base_url
            .strip_prefix(scheme)
            .and_then(|rest| rest.strip_prefix("localhost"));
        if let Some(after) = after {
            if after.is_empty() || after.starts_with([':', '/']) {
                return Cow::Owned(format!("{scheme}127.0.0.1{after}"));
            }
        }
    }
    Cow::Borrowed(base_url)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let base = without_localhost(base_url);
    let base: &str = &base;
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
