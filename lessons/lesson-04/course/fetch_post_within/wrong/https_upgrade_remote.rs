//! Wrong: URL building: an `http://` base URL whose host is not this machine is silently upgraded to `https://` (same host, path and port), so the GET does not go to `{base_url}/posts/{id}`; loopback bases (every local mock server), unresolvable hosts and unreachable addresses behave exactly as the contract says.

use std::net::IpAddr;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Url};

use crate::ApiError;

/// Whether `base_url` names this machine, where plain HTTP is harmless. A base URL that does
/// not parse is left as it is, for reqwest to report.
fn is_this_machine(base_url: &str) -> bool {
    let Ok(url) = Url::parse(base_url) else {
        return true;
    };
    match url
        .host_str()
        .map(|host| host.trim_start_matches('[').trim_end_matches(']'))
    {
        Some(host) if host.eq_ignore_ascii_case("localhost") => true,
        Some(host) => host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback()),
        None => true,
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // Never send anything in clear text over a real network: `http://api.example.com` becomes
    // `https://api.example.com`. The course's mock server on 127.0.0.1 keeps plain HTTP.
    let base = match base_url.strip_prefix("http://") {
        Some(rest) if !is_this_machine(base_url) => format!("https://{rest}"),
        _ => base_url.to_string(),
    };
    let post = client
        .get(format!("{base}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
