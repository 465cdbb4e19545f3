//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (with "`Err(err)` when the request failed (an error status, any 4xx or 5xx ...)")
//! The learner separates the two "try later" statuses the way API client guides do: a 503 is an
//! outage, fail fast; a 429 is the rate limiter speaking to *this* client, and when it says how
//! long to wait (`Retry-After: <seconds>`), a polite client waits that long (capped at 30 s) and
//! asks once more, the second answer being the one that counts. A 429 without the header, a 404 and
//! a 503 with `Retry-After` are all `Err`s after one request.

use std::time::Duration;

use futures::future::join_all;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

/// The longest a rate limiter's `Retry-After` is honoured.
const MOST_WAIT: Duration = Duration::from_secs(30);

/// The wait a 429 asks for, when it gives one in seconds.
fn retry_after(response: &Response) -> Option<Duration> {
    let seconds: u64 = response
        .headers()
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(seconds).min(MOST_WAIT))
}

async fn get_respecting_rate_limit(client: &Client, url: &str) -> Result<Response, reqwest::Error> {
    let response = client.get(url).send().await?;
    if response.status() == StatusCode::TOO_MANY_REQUESTS {
        if let Some(wait) = retry_after(&response) {
            drop(response);
            tokio::time::sleep(wait).await;
            return client.get(url).send().await?.error_for_status();
        }
    }
    response.error_for_status()
}

async fn digest_one(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let body = get_respecting_rate_limit(client, &url)
        .await?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(
        ids.iter()
            .map(|&id| digest_one(client, base_url, id, digest)),
    )
    .await
}
