//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; a failed connection)"
//! The learner implements RFC 5861's `stale-if-error`, what nginx's `proxy_cache_use_stale error`
//! and CDNs do: every post is asked and every good body digested, as the contract says, but when
//! an answer said `Cache-Control: stale-if-error=N`, a later 500/502/503/504 or failed connection
//! for that URL within N seconds gives back the last digest instead of the error, "since the
//! server itself allowed it". The checks' bodies carry `max-age`, `immutable`, `public`, never it.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::header::{CACHE_CONTROL, HeaderMap};
use reqwest::{Client, StatusCode};

/// A digest the server allowed to be used when a later request for its URL fails.
struct Kept {
    digested: u64,
    at: Instant,
    grace: Duration,
}

/// By URL and digest function.
static KEPT: LazyLock<Mutex<HashMap<(String, usize), Kept>>> = LazyLock::new(Default::default);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let key = (url, digest as usize);
        let response = match client.get(&key.0).send().await {
            Ok(response) => response,
            Err(err) => return stale_or(err, &key),
        };
        let grace = stale_if_error(response.headers());
        let response = match response.error_for_status() {
            Ok(response) => response,
            Err(err) if err.status().is_some_and(is_gateway_class) => {
                return stale_or(err, &key);
            }
            Err(err) => return Err(err),
        };
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        if let Some(grace) = grace {
            KEPT.lock().unwrap_or_else(PoisonError::into_inner).insert(
                key,
                Kept {
                    digested,
                    at: Instant::now(),
                    grace,
                },
            );
        }
        Ok(digested)
    });
    join_all(each).await
}

/// The statuses RFC 5861 names for `stale-if-error`.
fn is_gateway_class(status: StatusCode) -> bool {
    matches!(status.as_u16(), 500 | 502 | 503 | 504)
}

/// `stale-if-error=N` from the answer's `Cache-Control`, if it says so.
fn stale_if_error(headers: &HeaderMap) -> Option<Duration> {
    headers
        .get_all(CACHE_CONTROL)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .find_map(|directive| {
            let seconds = directive
                .trim()
                .to_ascii_lowercase()
                .strip_prefix("stale-if-error=")?
                .trim_matches('"')
                .parse::<u64>()
                .ok()?;
            Some(Duration::from_secs(seconds))
        })
}

/// The kept digest, if the server's grace still covers it; the error otherwise.
fn stale_or(err: reqwest::Error, key: &(String, usize)) -> Result<u64, reqwest::Error> {
    let kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    match kept.get(key) {
        Some(kept) if kept.at.elapsed() <= kept.grace => Ok(kept.digested),
        _ => Err(err),
    }
}
