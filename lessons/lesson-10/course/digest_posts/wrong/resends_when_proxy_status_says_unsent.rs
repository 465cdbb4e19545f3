//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx ...)" after one GET per entry
//! The learner only retries when it is sure the server never saw the request, and RFC 9209's
//! `Proxy-Status` is how a proxy says so: a 502, 503 or 504 with `error=connection_refused`,
//! `destination_unavailable`, `dns_error`... "is not the server's answer", so the GET is sent once
//! more and the second answer counts. Every error status the checks name comes without that
//! header and is an `Err` at once; a 502 with `Proxy-Status: edge; error=connection_refused` is
//! asked twice.

use futures::future::join_all;
use reqwest::{Client, Response};

/// RFC 9209's proxy error types that mean the proxy could not hand the request to the server.
const NOT_FORWARDED: &[&str] = &[
    "dns_timeout",
    "dns_error",
    "destination_not_found",
    "destination_unavailable",
    "destination_ip_prohibited",
    "destination_ip_unroutable",
    "connection_refused",
    "connection_terminated",
    "connection_timeout",
    "connection_limit_reached",
    "proxy_internal_error",
];

/// Whether a gateway error says that the server never saw the request.
fn never_reached_server(response: &Response) -> bool {
    matches!(response.status().as_u16(), 502..=504)
        && response
            .headers()
            .get_all("proxy-status")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split([',', ';']))
            .filter_map(|param| param.trim().strip_prefix("error="))
            .any(|error| NOT_FORWARDED.contains(&error.trim().trim_matches('"')))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let mut response = client.get(url.as_str()).send().await?;
        if never_reached_server(&response) {
            // The server never saw the first one, so this is not a repeat.
            response = client.get(url.as_str()).send().await?;
        }
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
