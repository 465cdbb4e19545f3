//! Correct: the request goes through lesson 07's own retry loop, `send_with_retry` (copied with its
//! `RetryPolicy`, `Jitter` and `Retry-After` reading), told to make a single attempt
//! (`max_attempts: 1`, the first attempt included): the loop returns that attempt's outcome at
//! once, before any wait, so nothing is asked twice and no timer runs. The status is checked with
//! `error_for_status`, the raw bytes read on the runtime, the digest awaited on `spawn_blocking`,
//! all the pipelines together with `join_all`.

use std::time::Duration;

use futures::future::join_all;
use reqwest::{Client, Response, StatusCode};

/// How hard to try (lesson 07): attempts in all, and the waits between them.
#[derive(Debug, Clone, Copy)]
struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
}

impl RetryPolicy {
    fn ceiling(&self, retry: u32) -> Duration {
        let factor = 1u32 << retry.saturating_sub(1).min(31);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    fn backoff(&self, retry: u32, jitter: &mut Jitter) -> Duration {
        self.ceiling(retry).mul_f64(jitter.fraction())
    }
}

/// The contract says: no retry. One attempt, the first one.
const ONE_ATTEMPT: RetryPolicy = RetryPolicy {
    max_attempts: 1,
    base_delay: Duration::from_millis(100),
    max_delay: Duration::from_secs(2),
};

/// Lesson 07's splitmix64 jitter.
#[derive(Debug, Clone)]
struct Jitter {
    state: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(value: u64) -> u64 {
    let mut z = value.wrapping_add(GOLDEN_GAMMA);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Jitter {
    fn seeded(seed: u64, stream: u64) -> Jitter {
        Jitter {
            state: mix(mix(seed) ^ stream),
        }
    }

    fn fraction(&mut self) -> f64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        (mix(self.state) >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn is_worth_retrying_status(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

fn is_worth_retrying_error(err: &reqwest::Error) -> bool {
    err.is_connect() || err.is_timeout() || err.is_request()
}

fn retry_after(response: &Response) -> Option<Duration> {
    let value = response.headers().get(reqwest::header::RETRY_AFTER)?;
    let seconds: u64 = value.to_str().ok()?.trim().parse().ok()?;
    Some(Duration::from_secs(seconds))
}

/// Lesson 07's loop: the last attempt's outcome, unchanged.
async fn send_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
    jitter: &mut Jitter,
) -> Result<Response, reqwest::Error> {
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => is_worth_retrying_status(response.status()),
            Err(err) => is_worth_retrying_error(err),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        let asked = outcome
            .as_ref()
            .ok()
            .filter(|response| {
                matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                )
            })
            .and_then(retry_after);
        let wait = asked.unwrap_or_else(|| policy.backoff(attempt, jitter));
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let url = format!("{base_url}/posts/{id}");
        let mut jitter = Jitter::seeded(0x00c0_ffee, id);
        let body = send_with_retry(client, &url, &ONE_ATTEMPT, &mut jitter)
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
