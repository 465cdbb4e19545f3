//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids`"
//! The learner makes the function a good HTTP citizen, as a browser or `requests-cache` is: when an
//! answer says how long it stays fresh (`Cache-Control: max-age=N`; JSONPlaceholder's posts say 12
//! hours), its digest is kept that long, process-wide, keyed by URL and digest function, and a
//! later call within that time returns it without asking the server or digesting again. An answer
//! with no `max-age`, or with `no-store` or `no-cache`, is never kept; within one call nothing
//! changes (every entry is asked, all at once, each body digested on the blocking pool).

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::{CACHE_CONTROL, HeaderMap};

/// (URL, digest function) -> (fresh until, digest).
type Cache = HashMap<(String, usize), (Instant, u64)>;

static FRESH: LazyLock<Mutex<Cache>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// How long the answer says it stays fresh, if it may be kept at all.
fn freshness(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(CACHE_CONTROL)?.to_str().ok()?;
    let mut max_age = None;
    for directive in value.split(',').map(str::trim) {
        let lower = directive.to_ascii_lowercase();
        if lower == "no-store" || lower == "no-cache" {
            return None;
        }
        if let Some(seconds) = lower.strip_prefix("max-age=") {
            max_age = seconds.trim_matches('"').parse::<u64>().ok();
        }
    }
    max_age.filter(|&s| s > 0).map(Duration::from_secs)
}

fn cached(key: &(String, usize)) -> Option<u64> {
    let cache = FRESH
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    match cache.get(key) {
        Some(&(until, value)) if Instant::now() < until => Some(value),
        _ => None,
    }
}

fn remember(key: (String, usize), fresh_for: Duration, value: u64) {
    let mut cache = FRESH
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    cache.insert(key, (Instant::now() + fresh_for, value));
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
        let key = (url.clone(), digest as usize);
        if let Some(value) = cached(&key) {
            return Ok(value);
        }
        let response = client.get(&url).send().await?.error_for_status()?;
        let fresh_for = freshness(response.headers());
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        let value = digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        if let Some(fresh_for) = fresh_for {
            remember(key, fresh_for, value);
        }
        Ok::<u64, reqwest::Error>(value)
    });
    join_all(each).await
}
