//! The one HTTP client a lesson uses for all of its requests.
//!
//! A `reqwest::Client` holds a pool of open connections. Building one per request (or calling
//! `reqwest::get`, which does exactly that) throws the pool away every time: each request pays
//! for a new TCP (and TLS) handshake. aiohttp has the same rule, "one `ClientSession` per
//! application". A `Client` is cheap to clone (it is an `Arc` inside), so the lessons build it
//! once and hand out references or clones.

use std::time::Duration;

use reqwest::{Client, ClientBuilder};

/// Sent with every request, so a server's logs can tell who is calling. Polite APIs ask for it.
pub const USER_AGENT: &str = concat!(
    "async-http-course/",
    env!("CARGO_PKG_VERSION"),
    " (a Rust course on reqwest and tokio)"
);

/// How long a whole request (connect, send, wait, read the body) may take.
///
/// reqwest sets no timeout by default: a server that never answers would hang the program
/// forever. aiohttp's default is 300 s; a course wants to hear about a stuck server sooner.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How long opening the TCP connection may take. A server that is down usually refuses at once;
/// this bounds the case where packets vanish instead (a firewall, a wrong address).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// Makes rustls' `ring` provider the process's TLS crypto, once; calling it again does nothing.
///
/// The course builds reqwest with `rustls-no-provider` and rustls' `ring` (the workspace's
/// `Cargo.toml` says why: a much faster first build than the default aws-lc-rs). reqwest then
/// asks for a provider to be installed before any `Client` is built, and panics if none is.
/// [`client_builder`] calls this, so a lesson's client is always ready; code that builds a
/// client its own way (`Client::new()`, `reqwest::get`) after the course's client has been
/// built shares the same provider.
pub fn install_tls_provider() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        // `Err` means a provider was installed already (by another part of the program): keep it.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

// ANCHOR: client_builder
/// The builder behind [`client`], for code that wants to change one setting (a test that needs
/// a short timeout, say) and keep the rest.
pub fn client_builder(base_url: &str) -> ClientBuilder {
    install_tls_provider();
    let builder = Client::builder()
        .user_agent(USER_AGENT)
        .timeout(REQUEST_TIMEOUT)
        .connect_timeout(CONNECT_TIMEOUT);

    // reqwest honours HTTP_PROXY / HTTPS_PROXY from the environment. A proxy cannot reach a
    // server on this machine's loopback interface, so for the local mock we bypass it: a
    // learner behind a corporate proxy still gets a working course.
    if is_loopback(base_url) {
        builder.no_proxy()
    } else {
        builder
    }
}

/// The course's client: user agent, timeouts, and no proxy for a local server.
///
/// # Errors
/// Fails only if the TLS backend cannot be initialised, which points at a broken build rather
/// than at anything the learner did.
pub fn client(base_url: &str) -> Result<Client, reqwest::Error> {
    client_builder(base_url).build()
}
// ANCHOR_END: client_builder

/// Whether `base_url` names this machine (`localhost`, `127.x.x.x` or `[::1]`).
fn is_loopback(base_url: &str) -> bool {
    let Ok(url) = reqwest::Url::parse(base_url) else {
        return false;
    };
    // `host_str` writes an IPv6 address in brackets, as it appears in a URL: `[::1]`.
    match url
        .host_str()
        .map(|host| host.trim_start_matches('[').trim_end_matches(']'))
    {
        Some(host) if host.eq_ignore_ascii_case("localhost") => true,
        Some(host) => host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback()),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_addresses_are_recognised() {
        assert!(is_loopback("http://127.0.0.1:3000"));
        assert!(is_loopback("http://localhost:8080/api"));
        assert!(is_loopback("http://[::1]:3000"));
        assert!(!is_loopback("https://jsonplaceholder.typicode.com"));
        assert!(!is_loopback("http://10.0.0.1"));
        assert!(!is_loopback("not a url"));
    }
}
