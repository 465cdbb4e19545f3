//! Wrong: breaks "any other status (a 3xx the client does not follow, say a 300) is an answer like a 200" (and with it "one GET `{base_url}/posts/{id}` per entry of `ids`")
//! The learner has written clients for job APIs, where a `202 Accepted` means "received, not ready
//! yet: come back later" (with a `Retry-After` saying when). So a post answered with a 202 is asked
//! again, after its `Retry-After` (at most 5 s) or half a second, up to five times, and only the
//! answer that is no longer a 202 is digested. Every other status, 300 and 999 included, is handled
//! as the contract says.

use std::time::Duration;

use futures::future::join_all;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

/// How many times a post still "being prepared" is asked again.
const MOST_POLLS: u32 = 5;
/// The wait between two asks when the server does not say.
const DEFAULT_POLL: Duration = Duration::from_millis(500);
/// The longest wait a `Retry-After` may ask for.
const LONGEST_POLL: Duration = Duration::from_secs(5);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| {
        let url = format!("{base_url}/posts/{id}");
        async move {
            let response = ready_answer(client, &url).await?;
            let body = response.bytes().await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}

/// The post's answer once it is ready: a `202 Accepted` is polled again until it is not.
async fn ready_answer(client: &Client, url: &str) -> Result<Response, reqwest::Error> {
    let mut response = client.get(url).send().await?.error_for_status()?;
    let mut polls = 0;
    while response.status() == StatusCode::ACCEPTED && polls < MOST_POLLS {
        polls += 1;
        tokio::time::sleep(poll_wait(&response)).await;
        response = client.get(url).send().await?.error_for_status()?;
    }
    Ok(response)
}

/// How long the server asks us to wait before polling again.
fn poll_wait(response: &Response) -> Duration {
    response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok())
        .map(|seconds| Duration::from_secs(seconds).min(LONGEST_POLL))
        .unwrap_or(DEFAULT_POLL)
}
