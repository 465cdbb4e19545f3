//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`" (and "any other status ... is an answer like a 200")
//! The learner ports the job-API "asynchronous request-reply" pattern (Azure long-running
//! operations): a `202 Accepted` that names a `Location` is a status URL, polled (honouring a short
//! `Retry-After`) until it stops answering 202, and that last answer is digested. A 202 without a
//! `Location` is the answer itself, so every status the checks send is handled right (only their
//! 3xx carry a `Location`); a 202 with one costs a GET to another path and digests the wrong body.

use std::time::Duration;

use futures::future::join_all;
use reqwest::header::{LOCATION, RETRY_AFTER};
use reqwest::{Client, Response, StatusCode};

/// How many times a job's status URL is asked before its last answer is taken as it is.
const MAX_POLLS: usize = 30;

/// The longest `Retry-After` honoured between two polls.
const MAX_POLL_WAIT: Duration = Duration::from_secs(5);

/// Where a `202 Accepted` says the result will be, resolved against the URL that answered.
fn status_url(response: &Response) -> Option<reqwest::Url> {
    let location = response.headers().get(LOCATION)?.to_str().ok()?;
    response.url().join(location).ok()
}

/// A `Retry-After` in seconds, capped.
fn poll_wait(response: &Response) -> Duration {
    response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map_or(Duration::ZERO, |seconds| {
            Duration::from_secs(seconds).min(MAX_POLL_WAIT)
        })
}

/// The post's answer; for a job accepted for later, the answer at its status URL.
async fn final_answer(client: &Client, url: String) -> Result<Response, reqwest::Error> {
    let mut response = client.get(url).send().await?.error_for_status()?;
    let mut polls = 0;
    while response.status() == StatusCode::ACCEPTED && polls < MAX_POLLS {
        let Some(next) = status_url(&response) else {
            // A 202 that names no status URL is the answer itself.
            break;
        };
        let wait = poll_wait(&response);
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
        polls += 1;
        response = client.get(next).send().await?.error_for_status()?;
    }
    Ok(response)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = final_answer(client, format!("{base_url}/posts/{id}"))
            .await?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
