//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx ...)" after one GET per entry ("one GET `{base_url}/posts/{id}` per entry of `ids`")
//! The learner's API sits behind Cloudflare, whose 520-524 ("web server returned an unknown
//! error", "web server is down", "connection timed out", "origin is unreachable", "a timeout
//! occurred") are the edge's report of a flaky origin, and Cloudflare's own troubleshooting pages
//! say to try again. So a post answered with one of those is asked once more, at once; every
//! other status, the named 5xx included, is final after one request. The statuses have no name
//! in the `http` crate, so only a check whose nameless statuses include one of 520-524 meets it.

use std::ops::RangeInclusive;

use futures::future::join_all;
use reqwest::Client;

/// Cloudflare's statuses for an origin that failed transiently (525 and 526, certificate
/// problems, would fail again).
const ORIGIN_HICCUPS: RangeInclusive<u16> = 520..=524;

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
        if ORIGIN_HICCUPS.contains(&response.status().as_u16()) {
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
