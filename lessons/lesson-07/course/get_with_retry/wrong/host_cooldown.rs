//! Wrong: breaks "Each call counts its own attempts: nothing is kept from one call to another" (and "before retry number n … wait": never before the first attempt): it remembers a server's `Retry-After` in a process-wide cool-down table keyed by host name (`Url::host_str`, without the port), noted as soon as a 429 or 503 carries it, even on a call's last attempt, and every call sleeps out that host's cool-down before each request, so a call started within a second of another call's `Retry-After: 1`, to any server on `127.0.0.1` whatever its port, waits up to a second before its very first request; a call on its own behaves right.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode, Url};
use tokio::time::Instant;

use crate::{Jitter, RetryPolicy};

/// Until when each host asked us not to come back (`Retry-After`). A polite client respects
/// that for every request to the host, not only for the retry that got the header.
static COOL_DOWN: Mutex<Option<HashMap<String, Instant>>> = Mutex::new(None);

fn host_of(url: &str) -> Option<String> {
    Url::parse(url).ok()?.host_str().map(str::to_owned)
}

/// How long `host` still asked us to stay away.
fn cool_down_left(host: &str) -> Duration {
    let table = COOL_DOWN.lock().unwrap_or_else(PoisonError::into_inner);
    table
        .as_ref()
        .and_then(|table| table.get(host))
        .map_or(Duration::ZERO, |until| {
            until.saturating_duration_since(Instant::now())
        })
}

fn note_cool_down(host: &str, wait: Duration) {
    let mut table = COOL_DOWN.lock().unwrap_or_else(PoisonError::into_inner);
    table
        .get_or_insert_with(HashMap::new)
        .insert(host.to_owned(), Instant::now() + wait);
}

/// The server's `Retry-After`, in whole seconds, on a 429 or a 503 only.
fn server_wait(response: &Response) -> Option<Duration> {
    let status = response.status();
    if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE {
        return None;
    }
    let seconds = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    seconds.trim().parse().ok().map(Duration::from_secs)
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);
    let host = host_of(url);

    let mut attempt = 1;
    loop {
        if let Some(host) = &host {
            let left = cool_down_left(host);
            if !left.is_zero() {
                tokio::time::sleep(left).await;
            }
        }
        let outcome = client.get(url).send().await;
        let asked = outcome.as_ref().ok().and_then(server_wait);
        if let (Some(host), Some(asked)) = (&host, asked) {
            note_cool_down(host, asked);
        }
        let worth_retrying = match &outcome {
            Ok(response) => {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status().is_server_error()
            }
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
