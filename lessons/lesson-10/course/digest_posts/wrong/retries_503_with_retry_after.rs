//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)"
//! A 503 that carries a `Retry-After` header is asked again, once, after the wait it names
//! (capped at 5 s), and the second answer is the one that counts. The learner has read the
//! course's mock server: past its connection cap it answers "503 Service Unavailable with
//! `Retry-After: 1`", "and a well-behaved client gets in as soon as" it comes back; and RFC
//! 9110 says a 503's `Retry-After` tells the client when to come back. With every request in
//! flight at once, "be well-behaved" reads as: honour it. A 503 without the header, a 429, a
//! 404 are `Err`s at once, never retried, never digested. So a check whose 503 is a plain
//! status (no `Retry-After`) sees one GET and an `Err`; only a 503 that names a wait shows
//! the second GET (and an answer other than the one the server gave to the request asked for).

use std::time::Duration;

use futures::future::join_all;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

/// The longest `Retry-After` honoured: a server asking for an hour gets five seconds.
const MAX_WAIT: Duration = Duration::from_secs(5);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let mut response = client.get(&url).send().await?;
        if response.status() == StatusCode::SERVICE_UNAVAILABLE {
            if let Some(wait) = retry_after(&response) {
                // The server said when to come back: come back then, once.
                tokio::time::sleep(wait).await;
                response = client.get(&url).send().await?;
            }
        }
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}

/// The wait a `Retry-After: <seconds>` header asks for (an HTTP date is not honoured).
fn retry_after(response: &Response) -> Option<Duration> {
    let seconds: u64 = response
        .headers()
        .get(RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(seconds).min(MAX_WAIT))
}
