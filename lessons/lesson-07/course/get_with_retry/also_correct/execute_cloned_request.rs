//! Also correct: builds the request once and sends a copy of it each time with
//! `client.execute`, sorting the outcomes with one `match` and guards.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // A URL that cannot make a request fails here, once: no attempt could do better.
    let request = client.get(url).build()?;
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos() as u64);
    let mut jitter = Jitter::seeded(seed, 8);

    let mut attempt: u32 = 1;
    loop {
        let copy = request
            .try_clone()
            .expect("a GET has no streaming body, so it can be copied");
        let last = attempt == policy.max_attempts;
        let server_wait = match client.execute(copy).await {
            Ok(response)
                if !last
                    && (response.status() == StatusCode::TOO_MANY_REQUESTS
                        || response.status().is_server_error()) =>
            {
                let asks = response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status() == StatusCode::SERVICE_UNAVAILABLE;
                asks.then(|| response.headers().get(reqwest::header::RETRY_AFTER))
                    .flatten()
                    .and_then(|value| value.to_str().ok())
                    .and_then(|value| value.trim().parse::<u64>().ok())
                    .map(Duration::from_secs)
            }
            Err(err) if !last && (err.is_connect() || err.is_timeout() || err.is_request()) => None,
            outcome => return outcome,
        };
        let wait = server_wait.unwrap_or_else(|| {
            let half = policy.ceiling(attempt) / 2;
            half + half.mul_f64(jitter.fraction())
        });
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
