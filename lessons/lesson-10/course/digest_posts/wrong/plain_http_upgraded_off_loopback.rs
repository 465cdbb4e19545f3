//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), its URL made by appending to `base_url`" for a plain-`http://` base whose host is a name other than `localhost` (`http://posts.test:PORT/api` with a client built with `.resolve("posts.test", 127.0.0.1:PORT)`, or a LAN address such as `http://192.168.1.20:8080`): the GET goes to `https://posts.test:PORT/api/posts/1`, the TLS handshake meets a plain HTTP server, and every post is an `Err`
//!
//! Before sending, each URL is checked: plain HTTP is kept only for this machine (`localhost`,
//! `*.localhost`, a loopback address), anything else is moved to `https://` with the same host,
//! port and path. The engineer's reasoning is a security review's: posts may carry tokens, HTTP
//! off the machine is sniffable, browsers and package managers upgrade or refuse it, and
//! the course's servers all live on `127.0.0.1`. A loopback base is passed on as written, so
//! every check that serves on `127.0.0.1` or `localhost` sees the contract's URL.

use std::net::IpAddr;

use futures::future::join_all;
use reqwest::{Client, Url};

/// Whether `url` stays on this machine, where plain HTTP cannot be sniffed.
fn is_local(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return true;
    };
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The URL to send: plain HTTP off this machine is upgraded to HTTPS.
fn transport_url(url: String) -> String {
    match Url::parse(&url) {
        Ok(mut parsed) if parsed.scheme() == "http" && !is_local(&parsed) => {
            if parsed.set_scheme("https").is_ok() {
                parsed.into()
            } else {
                url
            }
        }
        _ => url,
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
        let body = client
            .get(transport_url(format!("{base_url}/posts/{id}")))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
