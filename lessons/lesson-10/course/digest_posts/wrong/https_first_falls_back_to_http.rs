//! Wrong: breaks "its URL made by appending to `base_url` ... through `client`" (with "`Err(err)` when the request failed (... a failed connection)") for an `https://` base whose connection fails, say because the port speaks plain HTTP: `https://127.0.0.1:PORT/api` where PORT is a plain-HTTP server, through a client that can do TLS. The TLS handshake fails; instead of that `Err`, the answer asks `http://127.0.0.1:PORT/api/posts/{id}` and digests what comes back.
//! The idea is the browsers' "HTTPS-First" mode, turned around for robustness: try the secure
//! URL, and when it cannot connect (no TLS on that port, a certificate the client refuses, a
//! dev server without TLS), fall back once to the same URL over plain `http://`. An engineer
//! who has been bitten by staging servers with no certificate writes it as a kindness. It is
//! wrong: the contract asks the base the caller gave, over the scheme they chose, and a failed
//! connection is an `Err`; silently downgrading to clear text is also exactly what a caller who
//! wrote `https://` did not want. Plain `http://` bases, and `https://` bases that connect, behave
//! like the reference.

use futures::future::join_all;
use reqwest::Client;

/// The same base over plain HTTP, if `base_url` is an `https://` URL (scheme in any case).
fn plain_http_twin(base_url: &str) -> Option<String> {
    let scheme = base_url.get(..8)?;
    if scheme.eq_ignore_ascii_case("https://") {
        Some(format!("http://{}", &base_url[8..]))
    } else {
        None
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = match client.get(format!("{base_url}/posts/{id}")).send().await {
            Ok(response) => response,
            Err(err) if err.is_connect() => match plain_http_twin(base_url) {
                // HTTPS could not connect: one more try over plain HTTP, then give up.
                Some(plain) => client.get(format!("{plain}/posts/{id}")).send().await?,
                None => return Err(err),
            },
            Err(err) => return Err(err),
        };
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
