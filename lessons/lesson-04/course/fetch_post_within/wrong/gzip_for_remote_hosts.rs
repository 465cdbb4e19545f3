//! Wrong: breaks "(ask for no `Accept-Encoding` the client cannot read: it already asks for what it can)": for a base URL that is not this machine it adds `Accept-Encoding: gzip`, which this reqwest build (no `gzip` feature) cannot decode, so a real server's compressed post comes back as `Decode`; for loopback (the mock) it sends exactly the contract's request, with the request's own timeout and the lesson's classification.

use std::net::IpAddr;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::header::ACCEPT_ENCODING;
use reqwest::{Client, Url};

use crate::ApiError;

/// Whether `base_url` is on another machine, where the bytes cross a real network.
fn is_remote(base_url: &str) -> bool {
    let Ok(url) = Url::parse(base_url) else {
        return false;
    };
    // `host_str` writes an IPv6 address in brackets: `[::1]`.
    match url
        .host_str()
        .map(|host| host.trim_start_matches('[').trim_end_matches(']'))
    {
        Some(host) if host.eq_ignore_ascii_case("localhost") => false,
        Some(host) => !host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback()),
        None => false,
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let mut request = client.get(format!("{base_url}/posts/{id}")).timeout(limit);

    // Posts are text and compress well: over the internet, ask for gzip and save the
    // bandwidth. On this machine (the course's mock) there is nothing to save.
    if is_remote(base_url) {
        request = request.header(ACCEPT_ENCODING, "gzip");
    }

    // Each `?` converts a reqwest::Error with the From impl in lib.rs.
    let post = request
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
