//! Wrong: breaks "a server that cannot be reached is an `Err` about the URL asked for (`err.url()` is `{base_url}/posts/{id}`): no request goes anywhere else"
//! When the base URL names `localhost`, the learner swaps the host for `127.0.0.1` before
//! sending. They have been bitten by the Node 17 / Windows classic: `localhost` resolving to `::1`
//! first while the dev server listens on IPv4 only, so "pinning localhost to 127.0.0.1" feels like
//! a harmless robustness fix (the mock and wiremock both print `http://127.0.0.1:PORT`, so every
//! check whose base is an IP address sees the exact URL). With `http://localhost:PORT/api/v1` the
//! request goes to another address than the one asked for (a server on `[::1]` only is never
//! tried, and the `Host` header changes), and an unreachable `localhost` base gives an error whose
//! `err.url()` is `http://127.0.0.1:PORT/...`, not `{base_url}/posts/{id}`.

use std::net::{IpAddr, Ipv4Addr};

use lesson_support::models::Post;
use reqwest::{Client, Url};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let mut url = format!("{base_url}/posts/{id}");

    // `localhost` may resolve to `::1` before `127.0.0.1`; a local server that listens on IPv4
    // only then looks down. Ask the IPv4 loopback directly. A base that does not parse is left
    // alone, so that `send()` reports it as it is.
    if let Ok(mut parsed) = Url::parse(&url) {
        if parsed.host_str() == Some("localhost")
            && parsed.set_ip_host(IpAddr::V4(Ipv4Addr::LOCALHOST)).is_ok()
        {
            url = parsed.into();
        }
    }

    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
